import type { CliIo } from '../io';

export async function runProfileCommand(args: readonly string[], io: CliIo): Promise<number> {
  io.err(`odradek profile: not available yet (${args.join(' ')})`);
  return 2;
}
