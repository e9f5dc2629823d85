// The `odradek` command line. It shares the domain code and stores with the app; each command group
// lives in its own module under commands/ and receives the remaining argv.
import { runAclsCommand } from './commands/acls';
import { runBrokersCommand } from './commands/brokers';
import { runDemoCommand } from './commands/demo';
import { runGroupsCommand } from './commands/groups';
import { runTopicsCommand } from './commands/topics';
import { runMessagesCommand } from './commands/messages';
import { runPolicyCommand } from './commands/policy';
import { runProfileCommand } from './commands/profile';
import { runConnectCommand } from './commands/connect';
import { runSchemasCommand } from './commands/schemas';
import { runSnapshotCommand } from './commands/snapshot';
import type { CliIo } from './io';
import { processIo } from './io';

const usage = `Usage: odradek <command> [options]

Commands:
  profile import <file|-> [--format auto|properties|kpow-env|gateway-env|librdkafka] [--name NAME] [--id ID] [--dry-run] [--json]
  profile list [--json]
  profile test <name> [--json]
  policy validate FILE [--json]
  policy preview FILE --snapshot SNAP [--tenant NAME] [--json]
  policy diff OLD NEW --snapshot SNAP [--json]
  policy acls FILE --tenant NAME --principal User:x [--access read|write|admin] [--bootstrap-server HOST:PORT] [--cluster ID] [--json]
  policy acls FILE --tenant NAME --principal User:x --profile NAME [--apply] [--json]
  snapshot --profile NAME -o FILE [--rate-sample-ms N]
  topics config --profile NAME --topic T [--overrides] [--set key=value]... [--reset key]... [--json]
  groups list --profile NAME [--json]
  groups describe --profile NAME --group G [--rate-sample-ms N] [--json]
  groups lag --profile NAME [--group G] [--json]
  groups reset --profile NAME --group G --to earliest|latest|<iso-time>|<N>m-ago|offset:<n>|shift:<±n> [--topic T] [--partitions 0,1] [--dry-run] [--yes] [--json]
  schemas list  --profile NAME [--deleted] [--no-compatibility] [--json]
  schemas get   --profile NAME --subject S [--version N|latest] [--deleted] [--json]
  schemas diff  --profile NAME --subject S --from N [--to M|latest] [--json]
  schemas check --profile NAME --subject S --schema FILE|- [--type AVRO|PROTOBUF|JSON] [--against latest|all|N] [--json]
  acls list|create|delete|copy|principal --profile NAME ... [--dry-run|--yes] [--json]   (odradek acls for the flags)
  quotas list --profile NAME [--json]
  brokers list --profile NAME [--json]
  brokers configs --profile NAME (--broker ID | --default) [--changed] [--json]
  demo status [--json]
  connect list    --profile NAME [--cluster C] [--json]
  connect status  --profile NAME [--cluster C] --connector N [--json]
  connect restart|pause|resume --profile NAME [--cluster C] --connector N [--tasks] [--only-failed] [--task ID] [--json]
  messages browse --profile NAME --topic T [--from beginning|end|<offset>|<iso-time>] [--limit N] [--filter EXPR]... [--newest-first] [--no-decode] [--json]
`;

export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [group, ...rest] = argv;
  switch (group) {
    case 'profile':
      return runProfileCommand(rest, io);
    case 'policy':
      return runPolicyCommand(rest, io);
    case 'snapshot':
      return runSnapshotCommand(rest, io);
    case 'topics':
      return runTopicsCommand(rest, io);
    case 'groups':
      return runGroupsCommand(rest, io);
    case 'messages':
      return runMessagesCommand(rest, io);
    case 'schemas':
      return runSchemasCommand(rest, io);
    case 'acls':
    case 'quotas':
      return runAclsCommand(group, rest, io);
    case 'brokers':
      return runBrokersCommand(rest, io);
    case 'demo':
      return runDemoCommand(rest, io);
    case 'connect':
      return runConnectCommand(rest, io);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      io.out(usage);
      return group === undefined ? 2 : 0;
    default:
      io.err(`odradek: unknown command '${group}'.\n\n${usage}`);
      return 2;
  }
}
