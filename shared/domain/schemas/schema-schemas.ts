// The shapes the Schema Registry channels send over IPC (`schemas:*` in shared/ipc/contract.ts), and the
// registry id tenancy paths and snapshots name a profile's registry by.
import { z } from 'zod';

const count = z.number().int().nonnegative();
const profileId = z.string().min(1).max(128);
/** Confluent allows any subject up to 255 characters in practice; contexts are written `:.ctx:subject`. */
export const subjectNameSchema = z.string().min(1).max(1024);
const versionNumber = z.number().int().positive();

export const schemaTypeNames = ['AVRO', 'PROTOBUF', 'JSON'] as const;
export const schemaTypeSchema = z.enum(schemaTypeNames);
export type SchemaTypeName = (typeof schemaTypeNames)[number];

export const compatibilityLevels = ['NONE', 'BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE'] as const;
export const compatibilityLevelSchema = z.enum(compatibilityLevels);
export type CompatibilityLevel = (typeof compatibilityLevels)[number];

/** How subjects are listed: one bulk `/schemas` call (v2) or `/subjects` plus one call per subject (v1). */
export const observationModes = ['v2', 'v1'] as const;
export const observationModeSchema = z.enum(observationModes);
export type ObservationMode = (typeof observationModes)[number];

export const schemaReferenceSchema = z.object({ name: z.string().min(1), subject: subjectNameSchema, version: versionNumber });

/** Which observation mode is in use and why (e.g. "GET /schemas answered 404", "entries lack subject/version/id"). */
export const observationInfoSchema = z.object({
  /** What the profile asks for. */
  configured: z.enum(['auto', 'v2', 'v1']),
  inUse: observationModeSchema,
  /** Why `auto` fell back to v1; null when it did not. */
  fallbackReason: z.string().nullable(),
});
export type ObservationInfo = z.infer<typeof observationInfoSchema>;

export const subjectSummarySchema = z.object({
  subject: z.string(),
  /**
   * Type and id of the latest version; null only for a soft-deleted subject whose schemas the registry
   * no longer serves (Apicurio lists such a subject's versions but answers 40401 for each of them).
   */
  type: schemaTypeSchema.nullable(),
  latestVersion: versionNumber,
  latestId: z.number().int().positive().nullable(),
  /** The subject's own level, or the global one it inherits (see `compatibilityOverride`); null when not asked for. */
  compatibility: compatibilityLevelSchema.nullable(),
  compatibilityOverride: z.boolean().nullable(),
  /** Soft-deleted (listed only with `includeDeleted`). */
  deleted: z.boolean(),
});
export type SubjectSummary = z.infer<typeof subjectSummarySchema>;

export const listSubjectsInputSchema = z.object({
  profileId,
  includeDeleted: z.boolean().default(false),
  /** Also read each subject's compatibility level (one more request per subject). */
  withCompatibility: z.boolean().default(true),
  /** Forget cached listings (not schemas by id, which never change). */
  refresh: z.boolean().default(false),
});

export const listSubjectsOutputSchema = z.object({
  registryId: z.string(),
  registryName: z.string(),
  /** The URL that answered (several may be configured, tried in order). */
  url: z.string(),
  observation: observationInfoSchema,
  globalCompatibility: compatibilityLevelSchema.nullable(),
  /** READWRITE, READONLY, IMPORT...; null when the registry has no mode endpoint. */
  mode: z.string().nullable(),
  subjects: z.array(subjectSummarySchema),
  /** HTTP requests this listing made (cached answers not counted). */
  requests: count,
  elapsedMs: z.number().nonnegative(),
});
export type ListSubjectsOutput = z.infer<typeof listSubjectsOutputSchema>;

export const subjectVersionSummarySchema = z.object({ version: versionNumber, id: z.number().int().positive(), type: schemaTypeSchema, deleted: z.boolean() });

export const subjectDetailInputSchema = z.object({ profileId, subject: subjectNameSchema, includeDeleted: z.boolean().default(false) });
export const subjectDetailSchema = z.object({
  subject: z.string(),
  versions: z.array(subjectVersionSummarySchema),
  compatibility: compatibilityLevelSchema.nullable(),
  /** True when the subject has its own level rather than the global one. */
  compatibilityOverride: z.boolean(),
  globalCompatibility: compatibilityLevelSchema.nullable(),
  mode: z.string().nullable(),
});
export type SubjectDetail = z.infer<typeof subjectDetailSchema>;

export const schemaVersionInputSchema = z.object({
  profileId,
  subject: subjectNameSchema,
  version: z.union([versionNumber, z.literal('latest')]),
  includeDeleted: z.boolean().default(false),
});
export const schemaVersionSchema = z.object({
  subject: z.string(),
  version: versionNumber,
  id: z.number().int().positive(),
  type: schemaTypeSchema,
  /** As the registry returned it; the viewer pretty-prints. */
  schema: z.string(),
  references: z.array(schemaReferenceSchema),
  /** Ids of schemas that reference this version. */
  referencedBy: z.array(z.number().int()),
  deleted: z.boolean(),
});
export type SchemaVersionView = z.infer<typeof schemaVersionSchema>;

const draftSchema = z.object({
  schema: z.string().min(1).max(8 * 1024 * 1024),
  type: schemaTypeSchema,
  references: z.array(schemaReferenceSchema).max(1000).default([]),
});

export const checkCompatibilityInputSchema = draftSchema.extend({
  profileId,
  subject: subjectNameSchema,
  /** A version number, the latest, or every version (the registry's transitive check). */
  against: z.union([versionNumber, z.literal('latest'), z.literal('all')]).default('latest'),
});
export const checkCompatibilityOutputSchema = z.object({
  compatible: z.boolean(),
  /** The registry's reasons (verbose=true); empty when it gives none. */
  messages: z.array(z.string()),
  /** False for a subject that does not exist yet: anything is compatible with nothing. */
  subjectExists: z.boolean(),
});
export type CheckCompatibilityOutput = z.infer<typeof checkCompatibilityOutputSchema>;

export const registerSchemaInputSchema = draftSchema.extend({ profileId, subject: subjectNameSchema, normalize: z.boolean().default(false) });
export const registerSchemaOutputSchema = z.object({ id: z.number().int().positive(), version: versionNumber.nullable(), alreadyRegistered: z.boolean() });

export const setCompatibilityInputSchema = z.object({ profileId, subject: subjectNameSchema.nullable(), level: compatibilityLevelSchema });
export const deleteCompatibilityInputSchema = z.object({ profileId, subject: subjectNameSchema });
export const compatibilityOutputSchema = z.object({
  subject: z.string().nullable(),
  /** The level in effect after the change, read back from the registry. */
  level: compatibilityLevelSchema.nullable(),
});

/** The registry modes a person may set (Confluent's; READONLY_OVERRIDE is left to the registry's own tools). */
export const registryModes = ['READWRITE', 'READONLY', 'IMPORT'] as const;
export type RegistryMode = (typeof registryModes)[number];
export const modeInputSchema = z.object({ profileId, subject: subjectNameSchema.nullable() });
export const setModeInputSchema = z.object({
  profileId,
  /** null: the registry's global mode. */
  subject: subjectNameSchema.nullable(),
  mode: z.enum(registryModes),
  /** IMPORT on a registry or subject that already has schemas needs it (Confluent's `force=true`). */
  force: z.boolean().default(false),
});
export const modeOutputSchema = z.object({
  subject: z.string().nullable(),
  /** The mode in effect, read back from the registry; null when the registry has no mode endpoint. */
  mode: z.string().nullable(),
});
export type ModeOutput = z.infer<typeof modeOutputSchema>;

export const deleteSchemaInputSchema = z.object({
  profileId,
  subject: subjectNameSchema,
  /** null deletes the whole subject. */
  version: versionNumber.nullable(),
  /** Hard delete: only after a soft delete (the registry refuses otherwise). */
  permanent: z.boolean(),
  /** Must repeat the subject name (and `:version` for one version), e.g. `orders-value:3`. */
  confirmation: z.string().max(1100),
});
export const deleteSchemaOutputSchema = z.object({ subject: z.string(), deletedVersions: z.array(versionNumber), permanent: z.boolean() });

/** The text a delete's `confirmation` must repeat. */
export function deleteConfirmationText(subject: string, version: number | null): string {
  return version === null ? subject : `${subject}:${version}`;
}

/**
 * The id a profile's registry has in tenancy paths (`["schema", ID, "subject", NAME]`) and in snapshot
 * files' `schemaRegistries[].id`: the registry's name when the profile gives one, otherwise the first
 * URL's host and port (`127.0.0.1:8081`). Policies may also use the profile name or `*`.
 */
export function schemaRegistryIdOf(registry: { name?: string | undefined; urls: string[] }): string {
  const name = registry.name?.trim();
  if (name) return name;
  const first = registry.urls[0] ?? '';
  const match = /^https?:\/\/([^/?#]+)/i.exec(first);
  return (match?.[1] ?? first).replace(/^[^@]*@/, '').toLowerCase();
}
