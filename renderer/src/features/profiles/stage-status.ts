import { diagnosticStages, type DiagnosticResult, type DiagnosticStage } from '../../../../shared/domain/connection-diagnostics';

export type StageStatus = 'pending' | 'running' | DiagnosticResult['status'];
export type TestPhase = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

/**
 * What a stage shows while a test runs: its result once it has one; otherwise the first stage without a
 * result is running and the rest wait. A test that ended without reaching a stage never ran it.
 */
export function stageStatus(stage: DiagnosticStage, results: readonly DiagnosticResult[], phase: TestPhase): StageStatus {
  const result = results.find((candidate) => candidate.stage === stage);
  if (result) return result.status;
  if (phase === 'idle') return 'pending';
  if (phase !== 'running') return 'skipped';
  return diagnosticStages.find((candidate) => !results.some((done) => done.stage === candidate)) === stage ? 'running' : 'pending';
}
