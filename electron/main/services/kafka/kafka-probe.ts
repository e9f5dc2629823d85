// A minimal Kafka request used by the diagnostics before any client library is involved: ApiVersions v0
// is answered by every broker version, before authentication, so a reply proves "this port speaks Kafka".
import type { Socket } from 'node:net';

const API_VERSIONS_KEY = 18;
const CLIENT_ID = 'odradek-diagnostics';

export function apiVersionsRequest(correlationId: number): Buffer {
  const clientId = Buffer.from(CLIENT_ID, 'utf8');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length);
  body.writeInt16BE(API_VERSIONS_KEY, 0);
  body.writeInt16BE(0, 2);
  body.writeInt32BE(correlationId, 4);
  body.writeInt16BE(clientId.length, 8);
  clientId.copy(body, 10);
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length, 0);
  return Buffer.concat([size, body]);
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
export function probeKafka(socket: Socket): Promise<ApiVersionsReply> {
  const correlationId = 0x0d7a;
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
        try {
          resolve(parseApiVersionsReply(received.subarray(4, 4 + size), correlationId));
        } catch (error) {
          reject(error as Error);
        }
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
    socket.write(apiVersionsRequest(correlationId));
  });
}
