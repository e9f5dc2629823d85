// Authorization and authentication paths of the bed: the restricted user, and the token endpoint.
import kafkajs from 'kafkajs';
import { describe, expect, inject, it } from 'vitest';
import { consumeMessages, createTopic, grantAcl, kafkaConfig, revokeAcl, uniqueTopic } from '../../testbed/helpers';
import { fetchToken } from '../../testbed/oauth';

const { Kafka } = kafkajs;
const testbed = inject('testbed');

async function sendAsRestricted(topic: string, value: string): Promise<void> {
  const producer = new Kafka({ ...kafkaConfig(testbed, 'sasl-scram-512', { user: 'restricted' }), retry: { retries: 0 } }).producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages: [{ value }] });
  } finally {
    await producer.disconnect();
  }
}

/** ACLs reach the authorizer through the metadata log, a moment after CreateAcls returns. */
async function eventually<T>(attempt: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

describe('restricted user', () => {
  it('is denied a topic without ACLs (TOPIC_AUTHORIZATION_FAILED), allowed once granted, denied again once revoked', async () => {
    const topic = uniqueTopic('acl');
    await createTopic(testbed, { topic });

    const denied = await sendAsRestricted(topic, 'denied').then(
      () => null,
      (error: unknown) => error,
    );
    expect(denied).toBeInstanceOf(Error);
    // kafkajs wraps the broker's error code in a non-retriable error.
    expect(denied).toMatchObject({ cause: { type: 'TOPIC_AUTHORIZATION_FAILED', code: 29 } });

    await grantAcl(testbed, { resourceType: 'TOPIC', resourceName: topic, operations: ['WRITE', 'READ', 'DESCRIBE'] });
    await grantAcl(testbed, { resourceType: 'GROUP', resourceName: `${topic}-`, patternType: 'PREFIXED', operations: ['READ'] });
    await eventually(() => sendAsRestricted(topic, 'allowed'));

    const messages = await consumeMessages(kafkaConfig(testbed, 'sasl-scram-512', { user: 'restricted' }), {
      topic,
      count: 1,
      groupId: `${topic}-reader`,
    });
    expect(messages.map((message) => message.value)).toEqual(['allowed']);

    // Still allowed to DESCRIBE, so Metadata passes and the Produce itself is refused: kafkajs then
    // throws the protocol error directly instead of wrapping it.
    await revokeAcl(testbed, { resourceType: 'TOPIC', resourceName: topic, operations: ['WRITE'] });
    await eventually(async () => {
      const error = await sendAsRestricted(topic, 'denied again').then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toMatchObject({ type: 'TOPIC_AUTHORIZATION_FAILED', code: 29 });
    });
  });
});

describe('OAuth token endpoint', () => {
  it('rejects a wrong client secret with HTTP 401', async () => {
    await expect(fetchToken(testbed.oauth, 'not-the-secret')).rejects.toThrow(/HTTP 401/);
    const response = await fetch(testbed.oauth.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: testbed.oauth.clientId, client_secret: 'wrong' }).toString(),
    });
    expect(response.status).toBe(401);
  });

  it('issues RS256 tokens with kid, iss, aud, exp and scope that the JWKS can verify', async () => {
    const token = await fetchToken(testbed.oauth, testbed.oauth.clientSecret);
    const [header, claims] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>);
    const jwks = (await (await fetch(testbed.oauth.jwksEndpoint)).json()) as { keys: { kid: string }[] };
    expect(header).toMatchObject({ alg: 'RS256', kid: jwks.keys[0]?.kid });
    expect(claims).toMatchObject({ iss: testbed.oauth.issuer, aud: testbed.oauth.audience, sub: testbed.oauth.clientId, scope: testbed.oauth.scope });
    expect(claims?.exp).toBeGreaterThan(Date.now() / 1000);
  });
});
