// The small file `npm run demo` leaves in the app's user data folder (local-demo.json) so the first-run
// screen can offer the local demo without scanning the network: what it started, where, and which
// processes must be alive for it to count as running. Pure: main reads the file, the demo writes it.
import { z } from 'zod';

export const LOCAL_DEMO_FILE_NAME = 'local-demo.json';

export const localDemoFileSchema = z.object({
  schemaVersion: z.literal(1),
  profileId: z.string().min(1),
  profileName: z.string().min(1),
  /** The listener the profile uses (SASL_PLAINTEXT + SCRAM-SHA-512). */
  bootstrap: z.string().min(1),
  registryUrl: z.string().nullable(),
  /** A Kafka Connect worker's REST URL once the demo starts one; null until then. */
  connectUrl: z.string().nullable(),
  /** The bed's owner (the kafka:up supervisor) and the traffic process: both alive = running. */
  pids: z.object({ bed: z.number().int().positive(), traffic: z.number().int().positive().nullable() }),
  tenancyFile: z.string().nullable(),
  startedAt: z.string(),
});
export type LocalDemoFile = z.infer<typeof localDemoFileSchema>;

export type LocalDemoStatus =
  | { state: 'absent' }
  | { state: 'unreadable'; reason: string }
  | { state: 'stopped'; profileName: string }
  | { state: 'running'; profileId: string; profileName: string; bootstrap: string; registryUrl: string | null; liveTraffic: boolean; tenancyFile: string | null; profileExists: boolean };

/** What the first-run screen may say, from the file's text (null: no file) and which pids live. */
export function localDemoStatus(text: string | null, isAlive: (pid: number) => boolean, storedProfileIds: ReadonlySet<string>): LocalDemoStatus {
  if (text === null) return { state: 'absent' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { state: 'unreadable', reason: `${LOCAL_DEMO_FILE_NAME} is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = localDemoFileSchema.safeParse(data);
  if (!parsed.success) return { state: 'unreadable', reason: `${LOCAL_DEMO_FILE_NAME} is not a demo discovery file (${parsed.error.issues[0]?.message ?? 'wrong shape'})` };
  const file = parsed.data;
  if (!isAlive(file.pids.bed)) return { state: 'stopped', profileName: file.profileName };
  return {
    state: 'running',
    profileId: file.profileId,
    profileName: file.profileName,
    bootstrap: file.bootstrap,
    registryUrl: file.registryUrl,
    liveTraffic: file.pids.traffic !== null && isAlive(file.pids.traffic),
    tenancyFile: file.tenancyFile,
    profileExists: storedProfileIds.has(file.profileId),
  };
}

export const localDemoStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('absent') }),
  z.object({ state: z.literal('unreadable'), reason: z.string() }),
  z.object({ state: z.literal('stopped'), profileName: z.string() }),
  z.object({
    state: z.literal('running'),
    profileId: z.string(),
    profileName: z.string(),
    bootstrap: z.string(),
    registryUrl: z.string().nullable(),
    liveTraffic: z.boolean(),
    tenancyFile: z.string().nullable(),
    profileExists: z.boolean(),
  }),
]);
