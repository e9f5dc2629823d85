import type { CliIo } from '../io';

export async function runSnapshotCommand(args: readonly string[], io: CliIo): Promise<number> {
  io.err(`odradek snapshot: not available yet (${args.join(' ')})`);
  return 2;
}
