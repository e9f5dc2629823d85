// The IPC contract: one map from channel name (`domain:verb`) to the zod schemas of its input and
// output. Main registers exactly these channels, the preload exposes exactly these channels, and both
// sides derive their types from here, so a channel cannot exist on one side only.
import { z } from 'zod';

const noInput = z.undefined();

export const profileSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  environment: z.string().optional(),
  color: z.string().optional(),
  bootstrapServers: z.array(z.string()),
  readOnly: z.boolean(),
});
export type ProfileSummary = z.infer<typeof profileSummarySchema>;

export const connectionStateSchema = z.object({
  profileId: z.string(),
  state: z.enum(['disconnected', 'connecting', 'connected', 'error']),
  message: z.string().optional(),
});
export type ConnectionState = z.infer<typeof connectionStateSchema>;

export const channels = {
  'app:info': {
    input: noInput,
    output: z.object({
      name: z.string(),
      version: z.string(),
      platform: z.string(),
      /** The Electron version, or null when main runs outside Electron (CLI, test bridge). */
      electron: z.string().nullable(),
    }),
  },
  'profiles:list': {
    input: noInput,
    output: z.array(profileSummarySchema),
  },
  'shell:open-external': {
    input: z.object({ url: z.string().max(2048) }),
    output: z.object({ opened: z.boolean() }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

/** Main → renderer notifications, typed by the same contract. */
export const events = {
  'connection:state': connectionStateSchema,
} as const satisfies Record<string, z.ZodType>;

/**
 * Long-running results that cross on a MessagePort (see stream.ts): the request schema and the
 * schemas of the items carried in batch frames, of progress frames and of the final summary.
 */
export const streams = {} as const satisfies Record<string, StreamSpec>;

export interface StreamSpec {
  request: z.ZodType;
  item: z.ZodType;
  progress: z.ZodType;
  summary: z.ZodType;
}

export type Channels = typeof channels;
export type Channel = keyof Channels;
export type ChannelInput<C extends Channel> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Channels[C]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export type Streams = typeof streams;
export type StreamName = keyof Streams;

export const channelNames = Object.keys(channels) as Channel[];
export const eventNames = Object.keys(events) as EventName[];
export const streamNames = Object.keys(streams) as StreamName[];

export const isChannel = (name: string): name is Channel => Object.hasOwn(channels, name);
export const isStreamName = (name: string): name is StreamName => Object.hasOwn(streams, name);
