// Minimal Kafka requests used by the diagnostics before any client library is involved: ApiVersions v0
// is answered by every broker version, before authentication, so a reply proves "this port speaks Kafka".
// Metadata v0 right after it tells a SASL listener apart: it answers ApiVersions, then closes the
// connection on any request other than SaslHandshake.
import type { Socket } from 'node:net';

const API_VERSIONS_KEY = 18;
const METADATA_KEY = 3;
const CLIENT_ID = 'odradek-diagnostics';

/** A v0 request header (key, version 0, correlation id, client id) followed by `payload`, size-prefixed. */
function request(apiKey: number, correlationId: number, payload: Buffer = Buffer.alloc(0)): Buffer {
  const clientId = Buffer.from(CLIENT_ID, 'utf8');
  const header = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length);
  header.writeInt16BE(apiKey, 0);
  header.writeInt16BE(0, 2);
  header.writeInt32BE(correlationId, 4);
  header.writeInt16BE(clientId.length, 8);
  clientId.copy(header, 10);
  const size = Buffer.alloc(4);
  size.writeInt32BE(header.length + payload.length, 0);
  return Buffer.concat([size, header, payload]);
}

export function apiVersionsRequest(correlationId: number): Buffer {
  return request(API_VERSIONS_KEY, correlationId);
}

/** Metadata v0 for no topic in particular: an empty topic array (v0 reads it as "all", the reply is small anyway). */
export function metadataRequest(correlationId: number): Buffer {
  const topics = Buffer.alloc(4);
  topics.writeInt32BE(0, 0);
  return request(METADATA_KEY, correlationId, topics);
}

export interface ApiVersionsReply {
  errorCode: number;
  apiCount: number;
}

export function parseApiVersionsReply(frame: Buffer, correlationId: number): ApiVersionsReply {
  if (frame.length < 10) throw new Error('The reply is too short to be a Kafka response.');
  if (frame.readInt32BE(0) !== correlationId) throw new Error('The reply does not answer our request: this may not be a Kafka port.');
  return { errorCode: frame.readInt16BE(4), apiCount: frame.readInt32BE(6) };
}

/** Sends ApiVersions on an open socket and resolves with the reply; rejects on close, error or bad framing. */
export async function probeKafka(socket: Socket): Promise<ApiVersionsReply> {
  const correlationId = 0x0d7a;
  return parseApiVersionsReply(await exchange(socket, apiVersionsRequest(correlationId)), correlationId);
}

/**
 * After a successful ApiVersions on the same socket: does the listener refuse to go on without SASL?
 * True when it closes the connection instead of answering Metadata, as Kafka's SASL listeners do.
 */
export async function listenerWantsSasl(socket: Socket): Promise<boolean> {
  try {
    await exchange(socket, metadataRequest(0x0d7b));
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'CLOSED_WITHOUT_REPLY' || code === 'ECONNRESET' || code === 'EPIPE') return true;
    throw error;
  }
}

/** Writes one request and resolves with its reply frame (without the size); rejects on close, error or bad framing. */
function exchange(socket: Socket, frame: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const cleanup = () => {
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4) return;
      const size = received.readInt32BE(0);
      if (size < 0 || size > 1_000_000) {
        cleanup();
        reject(new Error('The reply is not Kafka framing: this port speaks another protocol.'));
      } else if (received.length >= 4 + size) {
        cleanup();
        resolve(received.subarray(4, 4 + size));
      }
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      reject(Object.assign(new Error('The broker closed the connection without answering.'), { code: 'CLOSED_WITHOUT_REPLY' }));
    };
    socket.on('data', onData);
    socket.on('error', onError);
    socket.on('close', onClose);
    socket.write(frame);
  });
}
