// Kafka client quotas (KIP-546): an entity (a user, a client id, both, or the defaults of either) with
// byte rates, a request percentage and a controller mutation rate. Pure: validated and worded here,
// sent by main's DescribeClientQuotas/AlterClientQuotas codecs.
import { z } from 'zod';

export const quotaKeys = ['producer_byte_rate', 'consumer_byte_rate', 'request_percentage', 'controller_mutation_rate'] as const;
export type QuotaKey = (typeof quotaKeys)[number];

export const quotaKeyWords: Record<QuotaKey, string> = {
  producer_byte_rate: 'produce bytes per second (per broker)',
  consumer_byte_rate: 'fetch bytes per second (per broker)',
  request_percentage: 'percent of one request-handler and network thread (per broker)',
  controller_mutation_rate: 'partition creations and deletions per second',
};

/**
 * One side of an entity: a name, or null for the default of that kind (`<default>` in kafka-configs).
 * A missing side means the entity does not name that kind.
 */
const entityName = z.string().min(1).max(500).nullable();
export const quotaEntitySchema = z
  .object({ user: entityName.optional(), clientId: entityName.optional() })
  .refine((entity) => entity.user !== undefined || entity.clientId !== undefined, 'A quota entity names a user, a client id or both (null for the default).');
export type QuotaEntity = z.output<typeof quotaEntitySchema>;

export const quotaValuesSchema = z.partialRecord(z.enum(quotaKeys), z.number().finite().positive());
export type QuotaValues = z.output<typeof quotaValuesSchema>;

export const quotaEntrySchema = z.object({ entity: quotaEntitySchema, values: quotaValuesSchema, text: z.string() });
export type QuotaEntry = z.output<typeof quotaEntrySchema>;

export function entityWords(entity: QuotaEntity): string {
  const user = entity.user === undefined ? null : entity.user === null ? 'every user without its own quota (user default)' : `user '${entity.user}'`;
  const client = entity.clientId === undefined ? null : entity.clientId === null ? 'every client id without its own quota (client-id default)' : `client id '${entity.clientId}'`;
  return [user, client].filter((part) => part !== null).join(' with ');
}

export function quotaWords(entry: { entity: QuotaEntity; values: QuotaValues }): string {
  const values = quotaKeys.filter((key) => entry.values[key] !== undefined).map((key) => `${key}=${entry.values[key]} (${quotaKeyWords[key]})`);
  return `${entityWords(entry.entity)}: ${values.length === 0 ? 'no limits' : values.join(', ')}`;
}

/** The key a table and a CLI sort by: users first, then client ids, defaults before names. */
export function entityKey(entity: QuotaEntity): string {
  const side = (value: string | null | undefined) => (value === undefined ? '-' : value === null ? '<default>' : `=${value}`);
  return `${side(entity.user)}|${side(entity.clientId)}`;
}

/** Parses `user=alice`, `user=<default>`, `client-id=app`, `user=alice,client-id=app` (as kafka-configs names entities). */
export function parseQuotaEntity(text: string): QuotaEntity {
  const entity: { user?: string | null; clientId?: string | null } = {};
  for (const part of text.split(',')) {
    const [kind, ...rest] = part.split('=');
    const value = rest.join('=').trim();
    if (value === '') throw new Error(`'${part}' has no value; write user=NAME, client-id=NAME or user=<default>.`);
    const name = value === '<default>' ? null : value;
    if (kind?.trim() === 'user') entity.user = name;
    else if (kind?.trim() === 'client-id') entity.clientId = name;
    else throw new Error(`'${kind}' is not a quota entity kind; use user or client-id.`);
  }
  return quotaEntitySchema.parse(entity);
}
