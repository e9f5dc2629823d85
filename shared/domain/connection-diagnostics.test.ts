import { describe, expect, it } from 'vitest';
import { diagnosticVerdict, summarizeDiagnostics, type DiagnosticResult } from './connection-diagnostics';

const result = (stage: DiagnosticResult['stage'], status: DiagnosticResult['status']): DiagnosticResult => ({ stage, status, message: '', facts: {}, durationMs: 1 });

describe('the connection test summary', () => {
  it('says "Every stage passed" only when no stage warned or failed', () => {
    const passed = summarizeDiagnostics([result('dns', 'passed'), result('tcp', 'passed'), result('tls', 'skipped')], 12.4);
    expect(diagnosticVerdict(passed)).toEqual({ tone: 'passed', text: 'Every stage passed in 12 ms.' });
  });

  it('names the stages that warned, in a warning tone, never as all passed', () => {
    const summary = summarizeDiagnostics([result('dns', 'passed'), result('tls', 'warning'), result('authorization', 'warning')], 40);
    expect(summary).toEqual({ ok: true, failedStage: null, warnings: ['tls', 'authorization'], totalMs: 40 });
    const verdict = diagnosticVerdict(summary);
    expect(verdict.tone).toBe('warning');
    expect(verdict.text).toBe('Connected in 40 ms, with 2 warnings at “TLS handshake”, “Authorization probe”: read them above.');
    expect(verdict.text).not.toMatch(/Every stage passed/);
  });

  it('fails at the first failed stage and still mentions earlier warnings', () => {
    const summary = summarizeDiagnostics([result('dns', 'warning'), result('tcp', 'failed'), result('tls', 'skipped')], 7);
    expect(summary).toMatchObject({ ok: false, failedStage: 'tcp' });
    expect(diagnosticVerdict(summary)).toEqual({ tone: 'failed', text: 'Failed at “Connect and speak Kafka” after 7 ms. Warned before that: “Resolve bootstrap host names”.' });
  });
});
