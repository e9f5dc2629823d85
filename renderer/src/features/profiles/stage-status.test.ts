import { describe, expect, it } from 'vitest';
import type { DiagnosticResult } from '../../../../shared/domain/connection-diagnostics';
import { stageStatus } from './stage-status';

const passed = (stage: DiagnosticResult['stage']): DiagnosticResult => ({ stage, status: 'passed', message: 'ok', facts: {}, durationMs: 1 });

describe('connection test stage status', () => {
  it('is pending before a test, then running for the first stage without a result', () => {
    expect(stageStatus('dns', [], 'idle')).toBe('pending');
    expect(stageStatus('dns', [], 'running')).toBe('running');
    expect(stageStatus('tcp', [], 'running')).toBe('pending');
    expect(stageStatus('tcp', [passed('dns')], 'running')).toBe('running');
    expect(stageStatus('dns', [passed('dns')], 'running')).toBe('passed');
  });

  it('shows stages a cancelled or broken test never reached as skipped', () => {
    expect(stageStatus('sasl', [passed('dns')], 'cancelled')).toBe('skipped');
    expect(stageStatus('sasl', [passed('dns')], 'error')).toBe('skipped');
    expect(stageStatus('dns', [passed('dns')], 'error')).toBe('passed');
  });
});
