// Child process for the atomic-file tests: saves generation after generation until it is killed.
// `profiles DIR`: through the profile store main uses (Conf); `policy FILE`: through the policy file service.
// Prints "ready" once, after the first save.
import { createNodePorts } from '../../../electron/main/platform/node-ports';
import { emptyProfileDraft } from '../../../shared/domain/profile/profile-schema';
import { PolicyFileService } from '../../../electron/main/services/policy-file-service';

const [kind, target] = process.argv.slice(2) as ['profiles' | 'policy', string];
const padding = 'p'.repeat(64 * 1024);

async function main() {
  if (kind === 'profiles') {
    const { profiles } = createNodePorts({ dataDir: target });
    for (let generation = 0; ; generation++) {
      for (let index = 0; index < 20; index++) {
        // Many bootstrap entries make the file large enough (about 300 kB) that a kill lands mid-write.
        const draft = emptyProfileDraft(`p${index}`, `g${generation}-p${index}`);
        await profiles.save({ ...draft, bootstrapServers: Array.from({ length: 600 }, (_, broker) => `b${broker}.g${generation}.example:9092`) } as never);
      }
      if (generation === 0) console.log('ready');
    }
  }
  const service = new PolicyFileService();
  let hash = (await service.open(target).catch(() => null))?.hash ?? null;
  for (let generation = 0; ; generation++) {
    const text = `# generation ${generation}\n${`# ${padding}\n`.repeat(8)}tenants: []\n# end ${generation}\n`; // the test's policyText
    hash = (await service.save(target, text, { expectedHash: hash, force: false })).hash;
    if (generation === 0) console.log('ready');
  }
}
void main();
