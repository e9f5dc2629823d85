// Kafka Connect as the `connect:*` channels answer it: connectors across a profile's Connect clusters,
// one connector's detail with its tasks' traces, plugins, validation results, offsets and worker info.
// Pure shapes and rules; the REST client lives in electron/main/services/connect/.
import { z } from 'zod';

/** Connector and task states as Connect reports them (KIP-875 added STOPPED). */
export const connectorStates = ['RUNNING', 'PAUSED', 'STOPPED', 'FAILED', 'UNASSIGNED', 'RESTARTING'] as const;
export const connectorStateSchema = z.string();

export const connectorTypeSchema = z.enum(['source', 'sink', 'unknown']);
export type ConnectorType = z.infer<typeof connectorTypeSchema>;

export const connectClusterRefSchema = z.object({
  profileId: z.string().min(1),
  /** The Connect cluster's id in the profile (`connect[].id`). */
  clusterId: z.string().min(1),
});

export const connectorRefSchema = connectClusterRefSchema.extend({
  connector: z.string().min(1, 'Give the connector name.').max(1000),
});

export const connectorRowSchema = z.object({
  clusterId: z.string(),
  clusterName: z.string(),
  name: z.string(),
  type: connectorTypeSchema,
  className: z.string(),
  state: connectorStateSchema,
  /** The worker running the connector instance. */
  workerId: z.string().nullable(),
  tasks: z.object({ total: z.number().int(), running: z.number().int(), failed: z.number().int() }),
  /** The workers running its tasks, each once. */
  taskWorkers: z.array(z.string()),
  /** Topics the connector used (KIP-558); null when the worker does not track them or the request failed. */
  topics: z.array(z.string()).nullable(),
});
export type ConnectorRow = z.infer<typeof connectorRowSchema>;

export const connectClusterStatusSchema = z.object({
  id: z.string(),
  name: z.string(),
  readOnly: z.boolean(),
  /** The REST URL that answered, or null when none did. */
  url: z.string().nullable(),
  /** Why the cluster could not be listed; null when it was. */
  error: z.string().nullable(),
  connectors: z.number().int(),
});
export type ConnectClusterStatus = z.infer<typeof connectClusterStatusSchema>;

export const connectListSchema = z.object({
  clusters: z.array(connectClusterStatusSchema),
  connectors: z.array(connectorRowSchema),
});
export type ConnectList = z.infer<typeof connectListSchema>;

export const connectTaskSchema = z.object({
  id: z.number().int(),
  state: connectorStateSchema,
  workerId: z.string().nullable(),
  /** The failure's stack trace, as the worker reported it. */
  trace: z.string().nullable(),
});
export type ConnectTask = z.infer<typeof connectTaskSchema>;

export const connectorDetailSchema = z.object({
  clusterId: z.string(),
  clusterName: z.string(),
  readOnly: z.boolean(),
  name: z.string(),
  type: connectorTypeSchema,
  className: z.string(),
  state: connectorStateSchema,
  workerId: z.string().nullable(),
  trace: z.string().nullable(),
  /** Sensitive values replaced by MASKED_VALUE; `${provider:path:key}` references as written. */
  config: z.record(z.string(), z.string()),
  maskedKeys: z.array(z.string()),
  tasks: z.array(connectTaskSchema),
  topics: z.array(z.string()).nullable(),
});
export type ConnectorDetail = z.infer<typeof connectorDetailSchema>;

export const connectPluginSchema = z.object({ className: z.string(), type: z.string(), version: z.string().nullable() });
export type ConnectPlugin = z.infer<typeof connectPluginSchema>;

export const validationFieldSchema = z.object({
  name: z.string(),
  group: z.string().nullable(),
  displayName: z.string(),
  type: z.string(),
  required: z.boolean(),
  defaultValue: z.string().nullable(),
  importance: z.string().nullable(),
  documentation: z.string().nullable(),
  order: z.number(),
  /** The value validated; masked when the field is a PASSWORD. */
  value: z.string().nullable(),
  recommendedValues: z.array(z.string()),
  errors: z.array(z.string()),
  visible: z.boolean(),
});
export type ValidationField = z.infer<typeof validationFieldSchema>;

export const validationResultSchema = z.object({
  className: z.string(),
  errorCount: z.number().int(),
  groups: z.array(z.string()),
  fields: z.array(validationFieldSchema),
});
export type ValidationResult = z.infer<typeof validationResultSchema>;

export const connectorConfigSchema = z.record(z.string(), z.string());

export const connectOffsetSchema = z.object({ partition: z.record(z.string(), z.unknown()), offset: z.record(z.string(), z.unknown()).nullable() });
export const connectOffsetsSchema = z.object({ offsets: z.array(connectOffsetSchema) });
export type ConnectOffsets = z.infer<typeof connectOffsetsSchema>;

export const workerInfoSchema = z.object({
  clusterId: z.string(),
  clusterName: z.string(),
  url: z.string(),
  version: z.string(),
  commit: z.string(),
  kafkaClusterId: z.string().nullable(),
});
export type WorkerInfo = z.infer<typeof workerInfoSchema>;

export const connectorActions = ['pause', 'resume', 'stop', 'restart', 'delete'] as const;
export type ConnectorAction = (typeof connectorActions)[number];

/** What a user types to confirm deleting a connector or resetting its offsets. */
export function connectorConfirmationText(connector: string): string {
  return connector;
}

/** Shown in place of a sensitive configuration value; sending it back keeps the stored value. */
export const MASKED_VALUE = '********';

/** A Connect config provider reference (`${file:/etc/secrets:password}`): not a secret itself, shown as written. */
export function isProviderReference(value: string): boolean {
  return /^\$\{[^}]+\}$/.test(value.trim());
}

/**
 * Keys whose values are secrets in Connect and the common connectors (JDBC, Debezium, S3, Elastic…).
 * Connect's REST API returns them in clear; Odradek never shows or exports them.
 */
export function isSensitiveKey(key: string): boolean {
  return /(password|passwd|secret|token|credential|api[._-]?key|access[._-]?key|private[._-]?key|sasl\.jaas\.config|\.key$|keystore\.key|ssl\.key)/i.test(key);
}

/** The config with sensitive values masked (provider references left as written) and the masked keys. */
export function maskConfig(config: Record<string, string>): { config: Record<string, string>; maskedKeys: string[] } {
  const masked: Record<string, string> = {};
  const maskedKeys: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (isSensitiveKey(key) && value !== '' && !isProviderReference(value)) {
      masked[key] = MASKED_VALUE;
      maskedKeys.push(key);
    } else masked[key] = value;
  }
  return { config: masked, maskedKeys };
}

/** Puts the stored values back where an edited config still holds MASKED_VALUE for a masked key. */
export function unmaskConfig(edited: Record<string, string>, stored: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(edited)) {
    result[key] = value === MASKED_VALUE && stored[key] !== undefined && isSensitiveKey(key) ? stored[key] : value;
  }
  return result;
}

/** Parses a raw JSON editor's text into a connector config: an object of strings (numbers and booleans stringified). */
export function parseConfigJson(text: string): { ok: true; config: Record<string, string> } | { ok: false; message: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${(error as Error).message}` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, message: 'The config must be a JSON object of "key": "value" pairs.' };
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof value === 'string') config[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') config[key] = String(value);
    else return { ok: false, message: `"${key}" must be a string, number or boolean; Connect configs are flat.` };
  }
  return { ok: true, config };
}

// --- channel inputs -------------------------------------------------------------------------------------

export const connectClustersOutputSchema = z.array(z.object({ id: z.string(), name: z.string(), readOnly: z.boolean(), urls: z.array(z.string()) }));

export const connectListInputSchema = z.object({
  profileId: z.string().min(1),
  /** One cluster, or null for all of the profile's Connect clusters. */
  clusterId: z.string().min(1).nullable().default(null),
  /** Also ask each connector's topics (KIP-558): one request per connector. */
  topics: z.boolean().default(true),
});

export const connectorActionInputSchema = connectorRefSchema.extend({
  action: z.enum(connectorActions),
  /** restart: the connector's tasks too, and only the failed ones (Connect's includeTasks/onlyFailed). */
  includeTasks: z.boolean().default(false),
  onlyFailed: z.boolean().default(false),
  /** restart: only this task. */
  task: z.number().int().min(0).optional(),
  /** delete: the connector's name, typed. */
  confirmation: z.string().optional(),
});
export type ConnectorActionInput = z.infer<typeof connectorActionInputSchema>;

export const connectValidateInputSchema = connectClusterRefSchema.extend({
  /** The connector being edited (its masked values are validated as stored); null for a new one. */
  connector: z.string().min(1).nullable().default(null),
  className: z.string().min(1, 'Choose the connector plugin.'),
  config: connectorConfigSchema,
});

export const connectSaveInputSchema = connectorRefSchema.extend({
  mode: z.enum(['create', 'update']),
  config: connectorConfigSchema,
});

export const connectChangeOffsetsInputSchema = connectorRefSchema.extend({
  /** The offsets to write (PATCH), or null to reset all of them (DELETE). */
  offsets: z.array(connectOffsetSchema).nullable(),
  /** The connector's name, typed. */
  confirmation: z.string(),
});

export const connectOffsetsOutputSchema = connectOffsetsSchema.extend({ state: z.string() });
export const connectDoneSchema = z.object({ message: z.string() });
