// Kafka's own rules for topic names (org.apache.kafka.common.internals.Topic), checked before a
// request leaves the app so the user sees the rule instead of an INVALID_TOPIC_EXCEPTION.

export const MAX_TOPIC_NAME_LENGTH = 249;
const LEGAL_TOPIC_NAME = /^[a-zA-Z0-9._-]+$/;

export type TopicNameCheck = { ok: true; warning?: string } | { ok: false; reason: string };

export function checkTopicName(name: string, existing: Iterable<string> = []): TopicNameCheck {
  if (name.length === 0) return { ok: false, reason: 'Give the topic a name.' };
  if (name === '.' || name === '..') return { ok: false, reason: `A topic cannot be named '${name}'.` };
  if (name.length > MAX_TOPIC_NAME_LENGTH) return { ok: false, reason: `A topic name is at most ${MAX_TOPIC_NAME_LENGTH} characters; this one has ${name.length}.` };
  if (!LEGAL_TOPIC_NAME.test(name)) return { ok: false, reason: "A topic name may only use letters, digits, '.', '_' and '-'." };
  const collision = findCollision(name, existing);
  if (collision !== undefined) {
    return { ok: false, reason: `'${name}' collides with the existing topic '${collision}': Kafka's metric names treat '.' and '_' alike.` };
  }
  if (name.includes('.') || name.includes('_')) {
    return { ok: true, warning: "Metric names turn '.' into '_', so this name could collide with a topic that differs only in '.' and '_'. Use one of them, not both." };
  }
  return { ok: true };
}

/** Kafka refuses a name whose '.'→'_' form equals an existing topic's, unless it is that very topic. */
function findCollision(name: string, existing: Iterable<string>): string | undefined {
  const unified = unifyCollisionChars(name);
  for (const other of existing) {
    if (other !== name && unifyCollisionChars(other) === unified) return other;
  }
  return undefined;
}

export const unifyCollisionChars = (name: string): string => name.replaceAll('.', '_');

/** Kafka flags only its own two internal topics; other '__' topics belong to platform tooling, not users. */
export const looksInternal = (name: string): boolean => name.startsWith('__');
