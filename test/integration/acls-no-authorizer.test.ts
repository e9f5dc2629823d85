// A cluster without an authorizer: Kafka answers every ACL request with SECURITY_DISABLED. Odradek says
// so plainly (a state, not an error) and refuses to create ACLs with the same words. Its own one-node
// bed, started without authorizer.class.name (about as long as the shared bed's start).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../shared/ipc/contract';
import { AppFailure } from '../../shared/ipc/result';
import { profileActions, emptyProfileDraft, type ConnectionProfile } from '../../shared/domain/profile/profile-schema';
import { createAccessHandlers } from '../../electron/main/services/acls/access-handlers';
import { createAccessService, SECURITY_DISABLED_MESSAGE } from '../../electron/main/services/acls/access-service';
import { createKafkaClientFactory } from '../../electron/main/services/kafka/client-factory';
import { systemClock } from '../../electron/main/services/ports';
import { startTestbed, type Testbed } from '../../testbed/testbed';

let bed: Testbed;
let handlers: ReturnType<typeof createAccessHandlers>;
const context = { sender: { kind: 'window' as const, webContentsId: 1, frameUrl: 'file:///' } };

beforeAll(async () => {
  bed = await startTestbed({ nodes: 1, authorizer: false });
  const profile = { ...emptyProfileDraft('open', 'open'), safety: { readOnly: false, allowedActions: [...profileActions] } } as unknown as ConnectionProfile;
  handlers = createAccessHandlers({
    profiles: { get: async () => profile, resolveConnection: async () => ({ name: 'open', bootstrapServers: bed.info.listeners.plaintext.split(','), tls: null, sasl: null }) },
    access: createAccessService({ factory: createKafkaClientFactory(systemClock), clock: systemClock }),
  });
}, 300_000);
afterAll(async () => bed?.stop());

describe('a cluster without an authorizer', () => {
  it('lists its ACLs as security-disabled, in words', async () => {
    const output = channels['acls:list'].output.parse(await handlers['acls:list']({ profileId: 'open' }, context as never));
    expect(output).toEqual({ state: 'security-disabled', message: SECURITY_DISABLED_MESSAGE });
  });

  it('refuses to create one with the same words', async () => {
    const input = channels['acls:create'].input.parse({ profileId: 'open', bindings: [{ principal: 'User:x', resourceType: 'TOPIC', resourceName: 't', patternType: 'LITERAL', operation: 'READ', permission: 'ALLOW' }] });
    const failure = await Promise.resolve(handlers['acls:create'](input, context as never)).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AppFailure);
    expect(failure).toMatchObject({ code: 'UNSUPPORTED', message: `Creating ACLs failed: ${SECURITY_DISABLED_MESSAGE}` });
  });

  it('still lists and sets client quotas (they need no authorizer)', async () => {
    await handlers['quotas:set'](channels['quotas:set'].input.parse({ profileId: 'open', entity: { user: 'u' }, set: { producer_byte_rate: 100 } }), context as never);
    const listed = await handlers['quotas:list']({ profileId: 'open' }, context as never);
    expect(listed.entries).toEqual([{ entity: { user: 'u' }, values: { producer_byte_rate: 100 }, text: expect.any(String) }]);
  });
});
