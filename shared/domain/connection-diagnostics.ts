import { z } from 'zod';

/** The order in which a connection is tested; each stage needs the previous ones to have passed. */
export const diagnosticStages = ['dns', 'tcp', 'tls', 'sasl', 'metadata', 'authorization', 'schema-registry', 'connect'] as const;
export type DiagnosticStage = (typeof diagnosticStages)[number];

export const diagnosticStageLabels: Record<DiagnosticStage, string> = {
  dns: 'Resolve bootstrap host names',
  tcp: 'Connect and speak Kafka',
  tls: 'TLS handshake',
  sasl: 'SASL authentication',
  metadata: 'Cluster metadata',
  authorization: 'Authorization probe',
  'schema-registry': 'Schema Registry',
  connect: 'Kafka Connect',
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
  /** No stage failed. Warnings may remain: see `warnings`. */
  ok: z.boolean(),
  failedStage: z.enum(diagnosticStages).nullable(),
  /** Stages that passed with a warning, in run order. */
  warnings: z.array(z.enum(diagnosticStages)).default([]),
  totalMs: z.number(),
});
export type DiagnosticSummary = z.infer<typeof diagnosticSummarySchema>;

/** The summary follows from the results alone, so a stage added later is counted like the others. */
export function summarizeDiagnostics(results: readonly DiagnosticResult[], totalMs: number): DiagnosticSummary {
  const failed = results.find((result) => result.status === 'failed');
  return {
    ok: failed === undefined,
    failedStage: failed?.stage ?? null,
    warnings: results.filter((result) => result.status === 'warning').map((result) => result.stage),
    totalMs,
  };
}

export interface DiagnosticVerdict {
  tone: 'passed' | 'warning' | 'failed';
  text: string;
}

/** The line under the stages: "Every stage passed" only when none failed and none warned. */
export function diagnosticVerdict(summary: DiagnosticSummary): DiagnosticVerdict {
  const ms = `${Math.round(summary.totalMs)} ms`;
  const named = (stages: readonly DiagnosticStage[]) => stages.map((stage) => `“${diagnosticStageLabels[stage]}”`).join(', ');
  const warned = summary.warnings.length;
  if (!summary.ok) {
    const at = summary.failedStage ? diagnosticStageLabels[summary.failedStage] : 'an unknown stage';
    return { tone: 'failed', text: `Failed at “${at}” after ${ms}.${warned > 0 ? ` Warned before that: ${named(summary.warnings)}.` : ''}` };
  }
  if (warned > 0) {
    return { tone: 'warning', text: `Connected in ${ms}, with ${warned === 1 ? 'a warning' : `${warned} warnings`} at ${named(summary.warnings)}: read ${warned === 1 ? 'it' : 'them'} above.` };
  }
  return { tone: 'passed', text: `Every stage passed in ${ms}.` };
}
