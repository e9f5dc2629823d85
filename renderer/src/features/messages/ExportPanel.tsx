// "Export…" on the messages screen: the current result or a whole range, to JSON Lines or CSV. Main asks
// for the file, writes it and reports progress; the rows never pass through the renderer.
import { Alert, Button, Checkbox, Group, Loader, Modal, SegmentedControl, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { ExportProgress, ExportSummary } from '../../../../shared/domain/messages/export-request';
import type { StreamHandle } from '../../../../shared/ipc/stream';
import { formatBytes } from '../../components/format';
import { api } from '../../lib/api';
import { useStoredProfile } from '../profiles/queries';
import { useTopicDecisions } from '../tenancy/queries';
import { topicPermissions } from '../topics/topic-permissions';
import type { BuiltRequest } from './browse-form';
import { buildExportRequest, defaultExportForm, type ExportForm } from './export-form';

type ExportStatus =
  | { state: 'idle' }
  | { state: 'running'; progress: ExportProgress | null }
  | { state: 'done'; summary: ExportSummary }
  | { state: 'cancelled' }
  | { state: 'error'; code: string; message: string };

const count = (value: number) => `${value.toLocaleString('en-US')} ${value === 1 ? 'message' : 'messages'}`;

export function ExportPanel({ profileId, topic, buildBrowse }: { profileId: string; topic: string; buildBrowse(): BuiltRequest }) {
  const profile = useStoredProfile(profileId);
  // The profile's export-data action, then what main's guards answer ahead for messages:export (TOPIC_DATA_DOWNLOAD).
  const denied = topicPermissions(profile.data, useTopicDecisions(profileId, topic))('export-data', 'messages:export');
  const [opened, setOpened] = useState(false);
  const [form, setForm] = useState<ExportForm>(defaultExportForm);
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<ExportStatus>({ state: 'idle' });
  const handle = useRef<StreamHandle | null>(null);
  const running = status.state === 'running';
  const update = (changes: Partial<ExportForm>) => {
    setForm((current) => ({ ...current, ...changes }));
    // A finished (or failed) export described the old options; it must not read as the new ones' result.
    setStatus((current) => (current.state === 'running' ? current : { state: 'idle' }));
  };

  // Leaving the screen stops the export; main then deletes the partial file.
  useEffect(() => () => handle.current?.cancel(), []);

  const start = () => {
    const built = buildExportRequest(form, buildBrowse());
    setFormError(built.ok ? null : built.error);
    if (!built.ok) return;
    setStatus({ state: 'running', progress: null });
    handle.current = api.stream['messages:export'](built.request, {
      onBatch: () => undefined,
      onProgress: (progress) => setStatus({ state: 'running', progress }),
      onDone: (summary) => setStatus({ state: 'done', summary }),
      onError: (error) => setStatus({ state: 'error', code: error.code, message: error.message }),
      onClosed: () => setStatus({ state: 'cancelled' }),
    });
  };

  return (
    <>
      <Tooltip label={denied} disabled={denied === null}>
        <Button size="sm" variant="light" disabled={denied !== null} onClick={() => setOpened(true)}>
          {running ? 'Exporting…' : 'Export…'}
        </Button>
      </Tooltip>
      <Modal opened={opened} onClose={() => setOpened(false)} title={`Export messages from ${topic}`} size="lg">
        <Stack gap="sm">
          <SegmentedControl
            aria-label="Export what"
            value={form.scope}
            onChange={(value) => update({ scope: value as ExportForm['scope'] })}
            disabled={running}
            data={[
              { value: 'result', label: 'Current result' },
              { value: 'range', label: 'Whole range' },
            ]}
          />
          {form.scope === 'result' ? (
            <Text size="sm" c="dimmed">
              What the browse options select: their start, partitions, filters, order and result limit. Values are written in full.
            </Text>
          ) : (
            <>
              <Text size="sm" c="dimmed">
                Every message in the range, oldest first, in the partitions chosen in the browse options, with no row limit.
              </Text>
              <Group gap="sm" align="flex-end">
                <Select
                  label="From"
                  data={[
                    { value: 'beginning', label: 'Beginning' },
                    { value: 'offset', label: 'Offset' },
                    { value: 'timestamp', label: 'Time' },
                  ]}
                  value={form.rangeFrom}
                  onChange={(value) => value && update({ rangeFrom: value as ExportForm['rangeFrom'] })}
                  allowDeselect={false}
                  disabled={running}
                  w={170}
                />
                {form.rangeFrom === 'offset' && <TextInput label="From offset" value={form.fromOffset} disabled={running} onChange={(event) => update({ fromOffset: event.currentTarget.value })} w={140} />}
                {form.rangeFrom === 'timestamp' && <TextInput label="From time" type="datetime-local" step={1} value={form.fromTime} disabled={running} onChange={(event) => update({ fromTime: event.currentTarget.value })} w={220} />}
              </Group>
              <Group gap="sm" align="flex-end">
                <Select
                  label="Until"
                  data={[
                    { value: 'end', label: 'The end (now)' },
                    { value: 'timestamp', label: 'Time' },
                  ]}
                  value={form.rangeUntil}
                  onChange={(value) => value && update({ rangeUntil: value as ExportForm['rangeUntil'] })}
                  allowDeselect={false}
                  disabled={running}
                  w={170}
                />
                {form.rangeUntil === 'timestamp' && <TextInput label="Until time" type="datetime-local" step={1} value={form.untilTime} disabled={running} onChange={(event) => update({ untilTime: event.currentTarget.value })} w={220} />}
              </Group>
              <Checkbox label="Only messages matching the filters in the browse options" checked={form.applyFilters} disabled={running} onChange={(event) => update({ applyFilters: event.currentTarget.checked })} />
            </>
          )}
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Format
            </Text>
            <SegmentedControl
              aria-label="Format"
              value={form.format}
              onChange={(value) => update({ format: value as ExportForm['format'] })}
              disabled={running}
              data={[
                { value: 'jsonl', label: 'JSON Lines' },
                { value: 'csv', label: 'CSV' },
              ]}
            />
          </Stack>
          <Checkbox
            label="Also write Schema Registry messages decoded (beside the raw bytes)"
            description="Needs the profile's Schema Registry; a message whose schema cannot be fetched gets the reason instead."
            checked={form.decode}
            disabled={running}
            onChange={(event) => update({ decode: event.currentTarget.checked })}
          />
          {formError && (
            <Alert color="red" title="Check the export options">
              {formError}
            </Alert>
          )}
          <Group gap="sm">
            <Button onClick={start} disabled={running}>
              Choose file and export
            </Button>
            {running && (
              <Button variant="default" onClick={() => handle.current?.cancel()}>
                Cancel export
              </Button>
            )}
          </Group>
          <ExportStatusLine status={status} />
        </Stack>
      </Modal>
    </>
  );
}

function ExportStatusLine({ status }: { status: ExportStatus }) {
  switch (status.state) {
    case 'idle':
      return null;
    case 'running':
      return (
        <Group gap={6} aria-live="polite">
          <Loader size="xs" />
          <Text size="sm" c="dimmed" data-testid="export-progress">
            {status.progress
              ? `Written ${count(status.progress.written)} · ${formatBytes(status.progress.bytes)} · scanned ${status.progress.scanned.toLocaleString('en-US')}`
              : 'Waiting for a file to be chosen…'}
          </Text>
        </Group>
      );
    case 'done':
      return status.summary.path === null ? (
        <Text size="sm" c="dimmed" aria-live="polite">
          No file was chosen, so nothing was exported.
        </Text>
      ) : (
        <Alert color="green" title="Export finished" data-testid="export-result" aria-live="polite">
          Wrote {count(status.summary.written)} ({formatBytes(status.summary.bytes)}) to <Text span ff="monospace" style={{ wordBreak: 'break-all' }}>{status.summary.path}</Text>
        </Alert>
      );
    case 'cancelled':
      return (
        <Text size="sm" c="dimmed" aria-live="polite">
          Export cancelled; no file was left behind.
        </Text>
      );
    case 'error':
      return (
        <Alert color="red" title="The export failed; no file was left behind">
          {status.message} <Text span c="dimmed" size="xs">({status.code})</Text>
        </Alert>
      );
  }
}
