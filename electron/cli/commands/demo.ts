// `odradek demo status [--json]`: the start screen's "is the local demo running?", from the same
// discovery file and the same check main uses (demo:status). Starting and stopping the demo is
// `npm run demo` in a checkout: it needs the test bed's jars and a JVM, which an installed app lacks.
import { join } from 'node:path';
import { LOCAL_DEMO_FILE_NAME } from '../../../shared/domain/demo/local-demo';
import { localDemoStatusOf, readOptionalText } from '../../main/services/local-demo-service';
import { cliServices } from '../services';
import type { CliIo } from '../io';
import { defaultUserDataDir } from '../../main/platform/node-ports';

const usage = 'Usage: odradek demo status [--json]';

export async function runDemoCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  const unknown = rest.filter((arg) => arg !== '--json');
  if (verb !== 'status' || unknown.length > 0) {
    io.err(verb === undefined ? usage : `odradek demo: unknown ${verb === 'status' ? `option ${unknown.join(' ')}` : `verb '${verb}'`}.\n${usage}`);
    return 2;
  }
  const services = cliServices(io);
  const file = join(io.dataDir ?? defaultUserDataDir(), LOCAL_DEMO_FILE_NAME);
  const status = await localDemoStatusOf({ profiles: services.ports.profiles, readDiscoveryFile: () => readOptionalText(services.ports.readFile, file) });
  if (rest.includes('--json')) {
    io.out(JSON.stringify(status, null, 2));
    return 0;
  }
  switch (status.state) {
    case 'absent':
      io.out('No local demo: run `npm run demo` in an Odradek checkout.');
      break;
    case 'unreadable':
      io.out(`The local demo's discovery file cannot be read: ${status.reason}.`);
      break;
    case 'stopped':
      io.out(`The local demo is stopped; run \`npm run demo\` to start it again (profile '${status.profileName}').`);
      break;
    case 'running':
      io.out(
        [
          `The local demo is running: Kafka ${status.bootstrap}${status.registryUrl ? `, Schema Registry ${status.registryUrl}` : ''}, live traffic ${status.liveTraffic ? 'on' : 'off'}.`,
          status.profileExists ? `Profile: '${status.profileName}' (--profile '${status.profileName}').` : `Its profile '${status.profileName}' is gone: run \`npm run demo\` again.`,
        ].join('\n'),
      );
  }
  return 0;
}
