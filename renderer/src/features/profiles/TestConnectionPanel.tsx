import { Alert, Badge, Button, Card, Code, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { diagnosticStageLabels, diagnosticStages, diagnosticVerdict, type DiagnosticResult, type DiagnosticSummary, type DiagnosticVerdict } from '../../../../shared/domain/connection-diagnostics';
import type { SecretSlot } from '../../../../shared/domain/profile/secret-slots';
import type { ProfileDraft } from '../../../../shared/domain/profile/profile-schema';
import type { StreamHandle } from '../../../../shared/ipc/stream';
import { api } from '../../lib/api';
import { stageStatus, type StageStatus } from './stage-status';

const verdictColors: Record<DiagnosticVerdict['tone'], string> = { passed: 'green', warning: 'yellow', failed: 'red' };

export type TestTarget = { kind: 'saved'; id: string } | { kind: 'draft'; draft: ProfileDraft; clearSecrets: SecretSlot[] };

const statusColour: Record<StageStatus, string> = {
  pending: 'gray',
  running: 'blue',
  passed: 'green',
  warning: 'yellow',
  failed: 'red',
  skipped: 'gray',
};

type Run =
  | { phase: 'idle' }
  | { phase: 'running'; results: DiagnosticResult[]; startedAt: number }
  | { phase: 'done'; results: DiagnosticResult[]; summary: DiagnosticSummary }
  | { phase: 'error'; results: DiagnosticResult[]; message: string }
  | { phase: 'cancelled'; results: DiagnosticResult[] };

/** Runs the staged connection test and shows each stage as it finishes. */
/** The form a new profile is typed in, until it is saved under its id. */
export const NEW_PROFILE_RUN = 'new-profile';

/** The last finished test per profile (UI state), so saving or reopening the form does not drop it. */
const lastRuns = new Map<string, Run>();

/** A new profile was saved as `to`: its test results go with it. */
export function carryTestRun(from: string, to: string): void {
  const run = lastRuns.get(from);
  lastRuns.delete(from);
  if (run) lastRuns.set(to, run);
}

export function TestConnectionPanel({ runKey, target, disabledReason }: { runKey: string; target: () => TestTarget; disabledReason?: string | undefined }) {
  const [run, setRunState] = useState<Run>(() => lastRuns.get(runKey) ?? { phase: 'idle' });
  const setRun = (next: Run | ((current: Run) => Run)) =>
    setRunState((current) => {
      const value = typeof next === 'function' ? next(current) : next;
      if (value.phase !== 'running') lastRuns.set(runKey, value);
      return value;
    });
  const handle = useRef<StreamHandle | null>(null);

  // Leaving the screen cancels a running test; main then stops probing.
  useEffect(() => () => handle.current?.cancel(), []);

  const start = () => {
    handle.current?.cancel();
    const results: DiagnosticResult[] = [];
    setRun({ phase: 'running', results, startedAt: Date.now() });
    handle.current = api.stream['profiles:test'](target(), {
      onBatch: (items) => {
        results.push(...items);
        setRun((current) => (current.phase === 'running' ? { ...current, results: [...results] } : current));
      },
      onDone: (summary) => setRun({ phase: 'done', results: [...results], summary }),
      onError: (error) => setRun({ phase: 'error', results: [...results], message: error.message }),
      onClosed: () => setRun((current) => (current.phase === 'running' ? { phase: 'cancelled', results: [...results] } : current)),
    });
  };

  const cancel = () => {
    handle.current?.cancel();
    handle.current = null;
  };

  const results = run.phase === 'idle' ? [] : run.results;
  return (
    <Card withBorder padding="md" aria-labelledby="test-connection-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5" id="test-connection-title">
            Test connection
          </Title>
          {run.phase === 'running' ? (
            <Button size="xs" variant="default" onClick={cancel}>
              Cancel test
            </Button>
          ) : (
            <Button size="xs" onClick={start} disabled={disabledReason !== undefined} title={disabledReason}>
              {run.phase === 'idle' ? 'Test connection' : 'Test again'}
            </Button>
          )}
        </Group>
        {disabledReason && run.phase === 'idle' && (
          <Text size="sm" c="dimmed">
            {disabledReason}
          </Text>
        )}
        <Stack gap="xs" role="list" aria-label="Connection test stages" aria-live="polite">
          {diagnosticStages.map((stage) => {
            const status = stageStatus(stage, results, run.phase);
            const result = results.find((candidate) => candidate.stage === stage);
            return (
              <Stack key={stage} gap={2} role="listitem" data-testid={`stage-${stage}`} data-status={status}>
                <Group gap="xs" wrap="nowrap">
                  <Badge size="sm" variant="light" color={statusColour[status]} w={78} leftSection={status === 'running' ? <Loader size={8} /> : undefined}>
                    {status}
                  </Badge>
                  <Text size="sm" fw={500}>
                    {diagnosticStageLabels[stage]}
                  </Text>
                  {result && (
                    <Text size="xs" c="dimmed">
                      {Math.round(result.durationMs)} ms
                    </Text>
                  )}
                </Group>
                {result && (
                  <Text size="sm" pl={86} data-testid={`stage-${stage}-message`}>
                    {result.message}
                  </Text>
                )}
                {result?.remedy && (
                  <Text size="sm" pl={86} c="orange.8">
                    {result.remedy}
                  </Text>
                )}
                {result && Object.keys(result.facts).length > 0 && (
                  <Group gap={4} pl={86}>
                    {Object.entries(result.facts).map(([fact, value]) => (
                      <Code key={fact}>
                        {fact}: {String(value)}
                      </Code>
                    ))}
                  </Group>
                )}
              </Stack>
            );
          })}
        </Stack>
        {run.phase === 'done' && (
          <Alert color={verdictColors[diagnosticVerdict(run.summary).tone]} variant="light" data-testid="test-summary">
            {diagnosticVerdict(run.summary).text}
          </Alert>
        )}
        {run.phase === 'error' && (
          <Alert color="red" variant="light" title="The test could not run">
            {run.message}
          </Alert>
        )}
        {run.phase === 'cancelled' && (
          <Text size="sm" c="dimmed">
            Test cancelled.
          </Text>
        )}
      </Stack>
    </Card>
  );
}
