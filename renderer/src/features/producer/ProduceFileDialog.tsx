// "Produce from file…" on a topic: main asks for a JSON Lines file, produces it and reports progress;
// the file's contents never pass through the renderer.
import { Alert, Button, Checkbox, Group, List, Modal, Progress, Select, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ProduceFileProgress, ProduceFileSummary } from '../../../../shared/domain/messages/produce-request';
import type { StreamHandle } from '../../../../shared/ipc/stream';
import { formatBytes } from '../../components/format';
import { api } from '../../lib/api';
import { DeliveryFields } from './ProducerFields';
import { partitionChoices } from './ProduceDialog';
import { buildProduceFileRequest, defaultProduceFileForm, type ProduceFileForm } from './produce-form';

type FileStatus =
  | { state: 'idle' }
  | { state: 'running'; progress: ProduceFileProgress | null }
  | { state: 'done'; summary: ProduceFileSummary }
  | { state: 'cancelled'; progress: ProduceFileProgress | null }
  | { state: 'error'; message: string };

const records = (value: number) => `${value.toLocaleString('en-US')} ${value === 1 ? 'record' : 'records'}`;

export function ProduceFileDialog({ opened, profileId, topic, partitions, onClose }: { opened: boolean; profileId: string; topic: string; partitions: number; onClose(): void }) {
  const [form, setForm] = useState<ProduceFileForm>(defaultProduceFileForm);
  const [status, setStatus] = useState<FileStatus>({ state: 'idle' });
  const handle = useRef<StreamHandle | null>(null);
  const lastProgress = useRef<ProduceFileProgress | null>(null);
  const client = useQueryClient();
  const running = status.state === 'running';
  const update = (changes: Partial<ProduceFileForm>) => setForm((current) => ({ ...current, ...changes }));

  // Closing the screen stops the run; what was sent stays sent.
  useEffect(() => () => handle.current?.cancel(), []);

  const start = () => {
    const built = buildProduceFileRequest(profileId, topic, form);
    if (!built.ok) return setStatus({ state: 'error', message: built.error });
    lastProgress.current = null;
    setStatus({ state: 'running', progress: null });
    handle.current = api.stream['messages:produce-file'](built.request, {
      onBatch: () => undefined,
      onProgress: (progress) => {
        lastProgress.current = progress;
        setStatus({ state: 'running', progress });
      },
      onDone: (summary) => {
        setStatus(summary.path === null ? { state: 'idle' } : { state: 'done', summary });
        void client.invalidateQueries({ queryKey: ['topics:detail'] });
      },
      onError: (error) => setStatus({ state: 'error', message: error.message }),
      onClosed: () => setStatus({ state: 'cancelled', progress: lastProgress.current }),
    });
  };

  return (
    <Modal opened={opened} onClose={() => !running && onClose()} title={`Produce to ${topic} from a file`} size="lg" closeOnClickOutside={!running}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          JSON Lines: one object per line with a <code>value</code> and optional <code>key</code>, <code>headers</code>, <code>partition</code> and <code>timestamp</code>. Odradek's own exports produce as they are,
          binary parts included. A line that cannot be read is skipped and reported with its number.
        </Text>
        <Select
          label="Partition"
          data={partitionChoices(partitions, [
            { value: 'key', label: 'From each key (default partitioner)' },
            { value: 'file', label: "Each line's partition (else from the key)" },
          ])}
          value={form.partition}
          onChange={(value) => value && update({ partition: value })}
          allowDeselect={false}
          disabled={running}
        />
        <Checkbox label="Keep each line's timestamp (else the time of sending)" checked={form.keepTimestamps} onChange={(event) => update({ keepTimestamps: event.currentTarget.checked })} disabled={running} />
        <DeliveryFields delivery={form} onChange={update} disabled={running} />
        {status.state === 'running' && (
          <Stack gap={4} role="status" aria-label="Produce progress">
            <Progress value={status.progress && status.progress.totalBytes > 0 ? (100 * status.progress.bytes) / status.progress.totalBytes : 0} animated />
            <Text size="sm">
              {status.progress
                ? `${records(status.progress.produced)} produced, ${status.progress.failed} bad lines, ${formatBytes(status.progress.bytes)} of ${formatBytes(status.progress.totalBytes)} read`
                : 'Choose the file…'}
            </Text>
          </Stack>
        )}
        {status.state === 'done' && (
          <Alert color={status.summary.failed > 0 || status.summary.unused.length > 0 ? 'yellow' : 'teal'} title={produceFileTitle(status.summary)} role="status">
            <Stack gap={4}>
              <Text size="sm">
                From {status.summary.path}: {status.summary.lines.toLocaleString('en-US')} lines, {status.summary.failed.toLocaleString('en-US')} skipped.
              </Text>
              {status.summary.errors.length > 0 && (
                <List size="sm" aria-label="Skipped lines">
                  {status.summary.errors.map((error) => (
                    <List.Item key={error.line}>
                      Line {error.line}: {error.message}
                    </List.Item>
                  ))}
                </List>
              )}
              {status.summary.failed > status.summary.errors.length && <Text size="sm">…and {status.summary.failed - status.summary.errors.length} more.</Text>}
              {status.summary.unused.length > 0 && (
                <List size="sm" aria-label="Line fields not used">
                  {status.summary.unused.map((entry) => (
                    <List.Item key={entry.field}>
                      {entry.message} {entry.lines === 1 ? 'Line' : `${entry.lines.toLocaleString('en-US')} lines:`} {entry.firstLines.join(', ')}
                      {entry.lines > entry.firstLines.length ? ', …' : ''}.
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          </Alert>
        )}
        {status.state === 'cancelled' && (
          <Alert color="yellow" role="status">
            Stopped. {status.progress ? `${records(status.progress.produced)} had been produced; they stay in the topic.` : 'Nothing was produced.'}
          </Alert>
        )}
        {status.state === 'error' && (
          <Alert color="red" title="Stopped" role="alert">
            {status.message}
          </Alert>
        )}
        <Group justify="flex-end">
          {running ? (
            <Button color="red" variant="light" onClick={() => handle.current?.cancel()}>
              Cancel
            </Button>
          ) : (
            <>
              <Button variant="default" onClick={onClose}>
                Close
              </Button>
              <Button onClick={start}>Choose file and produce…</Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

/** "N produced", and never as if routed as written when the mode did not use the lines' partitions. */
function produceFileTitle(summary: ProduceFileSummary): string {
  const produced = `${records(summary.produced)} produced`;
  const rerouted = summary.unused.find((entry) => entry.field === 'partition');
  return rerouted ? `${produced}; ${records(rerouted.lines)} not to the partition the line names` : produced;
}
