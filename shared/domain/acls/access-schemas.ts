// The contract's schemas of the ACL and client-quota channels (acls:*, quotas:*).
import { z } from 'zod';
import { aclBindingSchema, aclFilterSchema, aclOperations, aclResourceTypes, type AclBinding } from './acl-model';
import { quotaEntitySchema, quotaEntrySchema, quotaKeys, quotaValuesSchema } from './client-quotas';

const profileId = z.string().min(1).max(128);
const principal = z
  .string()
  .trim()
  .min(3)
  .max(500)
  .regex(/^[A-Za-z][\w-]*:.+$/, 'A principal is TYPE:NAME, e.g. User:alice.');

export const aclRowSchema = z.object({
  principal: z.string(),
  host: z.string(),
  resourceType: z.enum(aclResourceTypes),
  resourceName: z.string(),
  patternType: z.enum(['LITERAL', 'PREFIXED']),
  operation: z.enum(aclOperations),
  permission: z.enum(['ALLOW', 'DENY']),
  /** The binding in words (describeBinding). */
  text: z.string(),
});
export type AclRow = z.output<typeof aclRowSchema>;

export const aclListInputSchema = z.object({ profileId });
export const aclListOutputSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ok'), bindings: z.array(aclRowSchema), unknownEntries: z.number().int() }),
  /** The cluster has no authorizer: Kafka keeps and enforces no ACLs. */
  z.object({ state: z.literal('security-disabled'), message: z.string() }),
]);

export const aclCreateInputSchema = z.object({ profileId, bindings: z.array(aclBindingSchema).min(1).max(200) });
export const aclCreateOutputSchema = z.object({ created: z.array(aclRowSchema), present: z.array(aclRowSchema) });

export const aclDeletePreviewInputSchema = z.object({ profileId, filter: aclFilterSchema });
export const aclDeletePreviewOutputSchema = z.object({
  matched: z.array(aclRowSchema),
  /** What the confirmation must repeat to delete exactly these (deleteAclsConfirmation). */
  confirmation: z.string(),
});

export const aclDeleteInputSchema = z.object({ profileId, bindings: z.array(aclBindingSchema).min(1).max(1000), confirmation: z.string().max(600) });
export const aclDeleteOutputSchema = z.object({ deleted: z.array(aclRowSchema), missing: z.array(aclRowSchema) });

export const aclCopyInputSchema = z.object({ profileId, from: principal, to: principal });
export const aclCopyOutputSchema = z.object({ toCreate: z.array(aclRowSchema), present: z.array(aclRowSchema) });
export const aclCopyApplyInputSchema = aclCopyInputSchema.extend({ confirmation: z.string().max(600) });

export const principalViewInputSchema = z.object({ profileId, principal, host: z.string().trim().min(1).max(255).default('*') });
const principalOperationSchema = z.object({
  operation: z.enum(aclOperations),
  allowed: z.boolean(),
  reason: z.enum(['super-user', 'deny-acl', 'allow-acl', 'no-matching-allow', 'no-acl-allow-everyone', 'no-acl']),
  /** authorizationWords of the answer. */
  text: z.string(),
});
export const principalViewOutputSchema = z.object({
  principal: z.string(),
  host: z.string(),
  /** False when the brokers' super.users and allow.everyone.if.no.acl.found could not be read (needs DESCRIBE_CONFIGS). */
  settingsKnown: z.boolean(),
  superUser: z.boolean().nullable(),
  rows: z.array(
    z.object({
      resourceType: z.enum(aclResourceTypes),
      name: z.string().nullable(),
      match: z.enum(['name', 'prefix', 'other']),
      operations: z.array(principalOperationSchema),
    }),
  ),
});

export const quotaListInputSchema = z.object({ profileId });
export const quotaListOutputSchema = z.object({ entries: z.array(quotaEntrySchema) });
export const quotaSetInputSchema = z.object({ profileId, entity: quotaEntitySchema, set: quotaValuesSchema.default({}), remove: z.array(z.enum(quotaKeys)).default([]) });
export const quotaSetOutputSchema = z.object({ entry: quotaEntrySchema });
export const quotaDeleteInputSchema = z.object({ profileId, entity: quotaEntitySchema, confirmation: z.string().max(600) });
export const quotaDeleteOutputSchema = z.object({ removed: z.array(z.enum(quotaKeys)) });

/** The text a quota deletion's confirmation repeats: the entity as kafka-configs names it. */
export function quotaDeleteConfirmation(entity: z.output<typeof quotaEntitySchema>): string {
  const side = (kind: string, value: string | null | undefined) => (value === undefined ? [] : [`${kind}=${value === null ? '<default>' : value}`]);
  return [...side('user', entity.user), ...side('client-id', entity.clientId)].join(',');
}

/** The principal a user quota belongs to, for tenancy (`User:alice`); null for client-id and default entities. */
export function quotaPrincipal(entity: z.output<typeof quotaEntitySchema>): string | null {
  return typeof entity.user === 'string' && entity.clientId === undefined ? `User:${entity.user}` : null;
}

export type { AclBinding };
