import { z } from 'zod';

/** The order in which a connection is tested; each stage needs the previous ones to have passed. */
export const diagnosticStages = ['dns', 'tcp', 'tls', 'sasl', 'metadata', 'authorization', 'schema-registry'] as const;
export type DiagnosticStage = (typeof diagnosticStages)[number];

export const diagnosticStageLabels: Record<DiagnosticStage, string> = {
  dns: 'Resolve bootstrap host names',
  tcp: 'Connect and speak Kafka',
  tls: 'TLS handshake',
  sasl: 'SASL authentication',
  metadata: 'Cluster metadata',
  authorization: 'Authorization probe',
  'schema-registry': 'Schema Registry',
};

export const diagnosticResultSchema = z.object({
  stage: z.enum(diagnosticStages),
  status: z.enum(['passed', 'warning', 'failed', 'skipped']),
  /** What happened, in words an operator can act on. */
  message: z.string(),
  /** What to change when the stage failed or warned. */
  remedy: z.string().optional(),
  /** Facts found on the way: addresses, TLS protocol and cipher, cluster id, broker count… */
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  durationMs: z.number(),
});
export type DiagnosticResult = z.infer<typeof diagnosticResultSchema>;

export const diagnosticSummarySchema = z.object({
  ok: z.boolean(),
  failedStage: z.enum(diagnosticStages).nullable(),
  totalMs: z.number(),
});
export type DiagnosticSummary = z.infer<typeof diagnosticSummarySchema>;
