import type { CliIo } from '../io';

export async function runPolicyCommand(args: readonly string[], io: CliIo): Promise<number> {
  io.err(`odradek policy: not available yet (${args.join(' ')})`);
  return 2;
}
