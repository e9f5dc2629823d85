// Builds the renderer-facing API from the contract over an injected transport. The Electron preload
// passes an ipcRenderer transport and the end-to-end harness a WebSocket one; because both go through
// this one function, the API the renderer sees cannot drift between the app and the tests.
import {
  channelNames,
  eventNames,
  streamNames,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type EventName,
  type EventPayload,
  type StreamName,
  type Streams,
} from './contract';
import type { Result } from './result';
import {
  DEFAULT_INITIAL_CREDITS,
  receiveStream,
  type FramePort,
  type StreamControl,
  type StreamFrame,
  type StreamHandle,
  type StreamHandlers,
} from './stream';
import type { z } from 'zod';

export interface BridgeTransport {
  invoke(channel: Channel, input: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
  openStream(name: StreamName, request: unknown, credits: number): FramePort<StreamFrame, StreamControl>;
}

type StreamRequest<S extends StreamName> = z.input<Streams[S]['request']>;
type StreamItem<S extends StreamName> = z.output<Streams[S]['item']>;
type StreamProgress<S extends StreamName> = z.output<Streams[S]['progress']>;
type StreamSummary<S extends StreamName> = z.output<Streams[S]['summary']>;

export interface OdradekApi {
  invoke: { [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>> };
  on: { [E in EventName]: (listener: (payload: EventPayload<E>) => void) => () => void };
  stream: {
    [S in StreamName]: (
      request: StreamRequest<S>,
      handlers: StreamHandlers<StreamItem<S>, StreamProgress<S>, StreamSummary<S>>,
      options?: { credits?: number },
    ) => StreamHandle;
  };
}

export function createOdradekApi(transport: BridgeTransport): OdradekApi {
  const invoke = Object.fromEntries(
    channelNames.map((channel) => [channel, (input: unknown) => transport.invoke(channel, input)]),
  ) as OdradekApi['invoke'];
  const on = Object.fromEntries(
    eventNames.map((event) => [event, (listener: (payload: unknown) => void) => transport.subscribe(event, listener)]),
  ) as OdradekApi['on'];
  const stream = Object.fromEntries(
    streamNames.map((name) => [
      name,
      (request: unknown, handlers: StreamHandlers<unknown, unknown, unknown>, options?: { credits?: number }) => {
        const credits = options?.credits ?? DEFAULT_INITIAL_CREDITS;
        return receiveStream(transport.openStream(name, request, credits), handlers);
      },
    ]),
  ) as OdradekApi['stream'];
  return { invoke, on, stream };
}
