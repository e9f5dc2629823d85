// A broker's answer that does not parse: cut short, a length past the end, a negative count. Decoders
// throw this (never Node's bare "offset out of range") so the request fails with words that say what
// happened, and no decoder trusts a length before checking it against the bytes it has.

export class MalformedResponseError extends RangeError {
  override readonly name = 'MalformedResponseError';
}

/** Runs a decoder; a read past the end (Node's RangeError) or a bad value becomes a MalformedResponseError naming the API. */
export function decodingResponse<T>(api: string, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    throw asMalformed(api, error);
  }
}

export function asMalformed(api: string, error: unknown): unknown {
  if (error instanceof MalformedResponseError) return error;
  if (error instanceof RangeError || error instanceof TypeError) {
    return new MalformedResponseError(`The broker's ${api} response is malformed (${error.message}); the request was abandoned.`);
  }
  return error;
}

/** A length or count read from the wire, checked against the bytes left: never allocate or loop on a lie. */
export function checkedCount(api: string, count: number, bytesLeft: number, bytesPerItem: number): number {
  if (count < 0) throw new MalformedResponseError(`The broker's ${api} response has a negative length (${count}).`);
  if (count * bytesPerItem > bytesLeft) {
    throw new MalformedResponseError(`The broker's ${api} response claims ${count} item(s) but only ${bytesLeft} byte(s) follow; the request was abandoned.`);
  }
  return count;
}
