// The one place where IPC requests enter main. Electron's ipcMain (platform/ipc.ts) and the
// end-to-end test bridge both feed requests through a dispatcher, so the checks below apply to every
// caller: the sender must be trusted, the input must parse against the contract, and the answer is
// always a Result.
import { ZodError, type z } from 'zod';
import {
  channels,
  isChannel,
  isStreamName,
  streams,
  type Channel,
  type ChannelOutput,
  type Channels,
  type StreamName,
  type Streams,
} from '../../../shared/ipc/contract';
import { AppFailure, fail, ok, type AppError, type Result } from '../../../shared/ipc/result';
import {
  serveStream,
  type FramePort,
  type StreamControl,
  type StreamFrame,
  type StreamProducer,
} from '../../../shared/ipc/stream';

/** Who sent a request: one of our windows (checked by webContents id and frame URL) or the test bridge. */
export type Sender =
  | { kind: 'window'; webContentsId: number; frameUrl: string }
  | { kind: 'bridge'; session: string };

export interface HandlerContext {
  sender: Sender;
}

export type ChannelHandlers = {
  [C in Channel]: (
    input: z.output<Channels[C]['input']>,
    context: HandlerContext,
  ) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

export type StreamProducers = {
  [S in StreamName]: StreamProducer<
    z.output<Streams[S]['request']>,
    z.output<Streams[S]['item']>,
    z.output<Streams[S]['progress']>,
    z.output<Streams[S]['summary']>
  >;
};

export interface DispatcherOptions {
  handlers: ChannelHandlers;
  producers: StreamProducers;
  isTrustedSender(sender: Sender): boolean;
  /** Receives failures that were not expected (INTERNAL); must not be given secrets. */
  reportInternalError?(where: string, error: unknown): void;
}

export interface Dispatcher {
  invoke(channel: string, rawInput: unknown, sender: Sender): Promise<Result<unknown>>;
  openStream(
    open: unknown,
    port: FramePort<StreamControl, StreamFrame>,
    sender: Sender,
  ): Promise<'done' | 'error' | 'cancelled' | 'rejected'>;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const toAppError = (where: string, error: unknown): AppError => {
    if (error instanceof AppFailure) return error.toAppError();
    if (error instanceof ZodError) return invalidInput(error);
    options.reportInternalError?.(where, error);
    const reason = error instanceof Error ? error.message : String(error);
    return { code: 'INTERNAL', message: `${where} failed unexpectedly: ${reason}` };
  };

  return {
    async invoke(channel, rawInput, sender) {
      if (!options.isTrustedSender(sender)) {
        return fail('FORBIDDEN_SENDER', 'This request did not come from an Odradek window and was ignored.');
      }
      if (!isChannel(channel)) return fail('UNKNOWN_CHANNEL', `There is no IPC channel named '${shortName(channel)}'.`);
      const spec: Channels[Channel] = channels[channel];
      const parsed = spec.input.safeParse(rawInput);
      if (!parsed.success) return { ok: false, error: invalidInput(parsed.error, channel) };
      try {
        const handler = options.handlers[channel] as (input: unknown, context: HandlerContext) => unknown;
        const output = await handler(parsed.data, { sender });
        // Checking the output too keeps main honest about the contract the renderer relies on.
        const checked = spec.output.safeParse(output);
        if (!checked.success) {
          options.reportInternalError?.(channel, checked.error);
          return fail('INTERNAL', `${channel} produced a reply outside the IPC contract.`);
        }
        return ok(checked.data);
      } catch (error) {
        return { ok: false, error: toAppError(channel, error) };
      }
    },

    async openStream(open, port, sender) {
      const reject = (error: AppError) => {
        port.post({ type: 'error', error });
        port.close();
        return 'rejected' as const;
      };
      if (!options.isTrustedSender(sender)) {
        return reject({ code: 'FORBIDDEN_SENDER', message: 'This stream was not opened by an Odradek window.' });
      }
      const header = open as { name?: unknown; request?: unknown; credits?: unknown } | null;
      const name = typeof header?.name === 'string' ? header.name : '';
      if (!isStreamName(name)) return reject({ code: 'UNKNOWN_CHANNEL', message: `There is no stream named '${shortName(name)}'.` });
      const spec = streams[name] as Streams[StreamName];
      const parsed = (spec as { request: z.ZodType }).request.safeParse(header?.request);
      if (!parsed.success) return reject(invalidInput(parsed.error, name));
      const credits = typeof header?.credits === 'number' ? header.credits : 0;
      const producer = options.producers[name] as StreamProducer<unknown, unknown, unknown, unknown>;
      return serveStream(port, parsed.data, credits, producer, (error) => toAppError(name, error));
    },
  };
}

/** A name from the caller, shown in an error: cut, so a megabyte of name is not echoed back. */
function shortName(name: string): string {
  return name.length > 80 ? `${name.slice(0, 80)}…` : name;
}

function invalidInput(error: ZodError, channel?: string): AppError {
  const issues = error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const first = issues[0];
  const where = first && first.path ? ` at '${first.path}'` : '';
  return {
    code: 'INVALID_INPUT',
    message: `${channel ? `${channel}: ` : ''}invalid input${where}: ${first?.message ?? 'does not match the contract'}.`,
    details: issues,
  };
}
