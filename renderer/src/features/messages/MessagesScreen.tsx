import { Alert, Button, Checkbox, Collapse, Group, Loader, MultiSelect, NumberInput, Paper, Popover, SegmentedControl, Select, Stack, Switch, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { BrowseProgress, BrowseRequest, BrowseRow } from '../../../../shared/domain/messages/browse-request';
import { useUiStore } from '../../app/ui-store';
import { ariaShortcut, useShortcuts, withShortcut } from '../../lib/shortcuts';
import { useTopicDetail } from '../topics/queries';
import { buildBrowseRequest, defaultBrowseForm, foldedFilterCount, LIVE_TAIL_WINDOW, MAX_HELD_ROWS, type BrowseForm, type JsonOperator, type StartKind, type TextTarget } from './browse-form';
import { emptyResultText, orderText } from './result-words';
import { ExportPanel } from './ExportPanel';
import { MessageDetail } from './MessageDetail';
import { MessageTable } from './MessageTable';
import { formatBytes } from './payload-format';
import { rowKey } from './row-window';
import type { BrowseStatus } from './browse-session';
import { useMessageBrowser } from './use-message-browser';

/** The app shell does not bound its main area; the virtualized table needs a bounded scroll container. */
const SCREEN_HEIGHT = 'calc(100dvh - var(--app-shell-header-height, 0px) - var(--app-shell-footer-height, 0px) - 2 * var(--mantine-spacing-md))';

/** The folded part of the browse options (filters, live tail); open or closed is remembered. */
const FILTERS_DISCLOSURE = 'messages.filters';

const startOptions: { value: StartKind; label: string }[] = [
  { value: 'beginning', label: 'Beginning' },
  { value: 'end', label: 'End (new messages)' },
  { value: 'offset', label: 'Offset' },
  { value: 'timestamp', label: 'Timestamp' },
  { value: 'last', label: 'Last N per partition' },
];
const textTargets: { value: TextTarget; label: string }[] = [
  { value: 'value', label: 'Value' },
  { value: 'key', label: 'Key' },
  { value: 'header', label: 'Header' },
  { value: 'any', label: 'Key, value or header' },
];
const jsonOperators: JsonOperator[] = ['=', '!=', '<', '<=', '>', '>=', 'exists'];

const errorTitles: Partial<Record<string, string>> = {
  // Main's message names the cause (the profile's safety, the tenant, or the policy rule); the title must not guess it.
  NOT_ALLOWED: 'Not allowed',
  INVALID_INPUT: 'The browse request was refused',
  KAFKA_ERROR: 'Kafka refused the read',
  TIMEOUT: 'The cluster did not answer in time',
};

export function MessagesScreen({ profileId, topic, onBack }: { profileId: string; topic: string; onBack(): void }) {
  const [form, setForm] = useState<BrowseForm>(defaultBrowseForm);
  const [formError, setFormError] = useState<string | null>(null);
  const [selected, setSelected] = useState<BrowseRow | null>(null);
  const browser = useMessageBrowser();
  const detail = useTopicDetail(profileId, topic);
  const partitionOptions = (detail.data?.partitions ?? []).map((entry) => ({ value: String(entry.partition), label: `Partition ${entry.partition}` }));
  const running = browser.status.state === 'running';
  const update = (changes: Partial<BrowseForm>) => setForm((current) => ({ ...current, ...changes }));

  const start = () => {
    const built = buildBrowseRequest(form, profileId, topic);
    setFormError(built.ok ? null : built.error);
    if (built.ok) {
      setSelected(null);
      browser.start(built.request);
    }
  };

  const filtersOpen = useUiStore((state) => state.disclosures[FILTERS_DISCLOSURE] ?? false);
  const setDisclosure = useUiStore((state) => state.setDisclosure);
  const timeZone = useUiStore((state) => state.timeZone);
  const setTimeZone = useUiStore((state) => state.setTimeZone);
  const folded = foldedFilterCount(form);
  const selectedIndex = selected ? browser.rows.findIndex((row) => rowKey(row) === rowKey(selected)) : -1;
  const step = (delta: number) => {
    const next = browser.rows[selectedIndex + delta];
    if (next) setSelected(next);
  };
  useShortcuts({ startBrowse: start, backToTopics: selected ? null : onBack });

  return (
    <Stack gap={6} style={{ height: SCREEN_HEIGHT, minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Tooltip label={withShortcut('Back to the topic list', 'backToTopics')}>
            <Button variant="subtle" size="compact-sm" onClick={onBack} aria-keyshortcuts={ariaShortcut('backToTopics')}>
              ← Topics
            </Button>
          </Tooltip>
          <Title order={2} size="h4" title={topic} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            Messages in {topic}
          </Title>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <SegmentedControl size="xs" aria-label="Time zone" value={timeZone} onChange={(value) => setTimeZone(value as 'local' | 'utc')} data={[{ value: 'local', label: 'Local' }, { value: 'utc', label: 'UTC' }]} />
          <ExportPanel profileId={profileId} topic={topic} buildBrowse={() => buildBrowseRequest(form, profileId, topic)} />
        </Group>
      </Group>
      <Paper
        withBorder
        px="sm"
        py={6}
        component="form"
        aria-label="Browse options"
        onSubmit={(event: React.FormEvent) => {
          event.preventDefault();
          start();
        }}
      >
        <Stack gap={6}>
          <Group gap={6} align="flex-end" wrap="wrap">
            <Select size="xs" label="Start from" data={startOptions} value={form.start} onChange={(value) => value && update({ start: value as StartKind })} allowDeselect={false} w={122} comboboxProps={{ width: 190 }} />
            {form.start === 'offset' && <TextInput size="xs" label="Offset" value={form.offset} onChange={(event) => update({ offset: event.currentTarget.value })} w={110} />}
            {form.start === 'timestamp' && <TextInput size="xs" label="Time" type="datetime-local" step={1} value={form.timestamp} onChange={(event) => update({ timestamp: event.currentTarget.value })} w={200} />}
            {form.start === 'last' && <NumberInput size="xs" label="Messages per partition" value={form.lastCount} onChange={(value) => update({ lastCount: value })} min={1} max={1_000_000} allowDecimal={false} w={150} />}
            <MultiSelect size="xs" label="Partitions" placeholder={form.partitions.length === 0 ? 'All partitions' : undefined} data={partitionOptions} value={form.partitions.map(String)} onChange={(values) => update({ partitions: values.map(Number) })} clearable searchable w={122} comboboxProps={{ width: 190 }} />
            <Select
              size="xs"
              label="Order"
              value={form.liveTail ? 'oldest-first' : form.direction}
              onChange={(value) => value && update({ direction: value as BrowseForm['direction'] })}
              disabled={form.liveTail}
              allowDeselect={false}
              w={110}
              data={[
                { value: 'oldest-first', label: 'Oldest first' },
                { value: 'newest-first', label: 'Newest first' },
              ]}
            />
            <NumberInput size="xs" label="Result limit" value={form.liveTail ? LIVE_TAIL_WINDOW : form.limit} onChange={(value) => update({ limit: value })} min={1} max={MAX_HELD_ROWS} allowDecimal={false} thousandSeparator="," disabled={form.liveTail} w={80} />
            <Tooltip label={withShortcut('Start reading with these options', 'startBrowse')}>
              <Button type="submit" size="xs" aria-keyshortcuts={ariaShortcut('startBrowse')}>
                {running ? 'Restart' : 'Start'}
              </Button>
            </Tooltip>
            <Button size="xs" variant="default" onClick={browser.stop} disabled={!running}>
              Stop
            </Button>
            {running && form.liveTail && (
              <Button size="xs" variant="light" onClick={() => browser.setPaused(!browser.paused)}>
                {browser.paused ? 'Resume' : 'Pause'}
              </Button>
            )}
            <Button size="xs" variant="subtle" aria-expanded={filtersOpen} aria-controls="browse-more-filters" onClick={() => setDisclosure(FILTERS_DISCLOSURE, !filtersOpen)}>
              Filters{folded > 0 ? ` (${folded} set)` : ''} {filtersOpen ? '▴' : '▾'}
            </Button>
          </Group>
          <Collapse expanded={filtersOpen} id="browse-more-filters">
            <Stack gap={6}>
              <Group gap="xs" align="flex-end">
                <Switch size="xs" label="Live tail" description={`newest on top; keeps the newest ${LIVE_TAIL_WINDOW.toLocaleString('en-US')} rows`} checked={form.liveTail} onChange={(event) => update({ liveTail: event.currentTarget.checked })} />
                <Select size="xs" label="Search in" data={textTargets} value={form.textTarget} onChange={(value) => value && update({ textTarget: value as TextTarget })} allowDeselect={false} w={170} />
                {form.textTarget === 'header' && <TextInput size="xs" label="Header name" placeholder="any header" value={form.headerName} onChange={(event) => update({ headerName: event.currentTarget.value })} w={130} />}
                <TextInput size="xs" label={form.textMatch === 'regex' ? 'Regular expression' : 'Contains'} placeholder={form.textMatch === 'regex' ? 'e.g. ^order-\\d+' : 'text'} value={form.textPattern} onChange={(event) => update({ textPattern: event.currentTarget.value })} w={200} ff={form.textMatch === 'regex' ? 'monospace' : undefined} />
                <SegmentedControl
                  size="xs"
                  aria-label="Match"
                  value={form.textMatch}
                  onChange={(value) => update({ textMatch: value as BrowseForm['textMatch'] })}
                  data={[
                    { value: 'substring', label: 'Substring' },
                    { value: 'regex', label: 'Regex' },
                  ]}
                />
                <Checkbox size="xs" label="Match case" checked={form.caseSensitive} onChange={(event) => update({ caseSensitive: event.currentTarget.checked })} mb={6} />
              </Group>
              <Group gap="xs" align="flex-end">
                <Select size="xs" label="JSON in" data={[{ value: 'value', label: 'Value' }, { value: 'key', label: 'Key' }]} value={form.jsonTarget} onChange={(value) => value && update({ jsonTarget: value as BrowseForm['jsonTarget'] })} allowDeselect={false} w={90} />
                <TextInput size="xs" label="JSON field" placeholder="$.order.items[0].sku" value={form.jsonPath} onChange={(event) => update({ jsonPath: event.currentTarget.value })} w={200} ff="monospace" />
                <Select size="xs" label="Comparison" data={jsonOperators} value={form.jsonOperator} onChange={(value) => value && update({ jsonOperator: value as JsonOperator })} allowDeselect={false} w={90} />
                {form.jsonOperator !== 'exists' && <TextInput size="xs" label="Field value" placeholder={'"order", 42, true'} value={form.jsonValue} onChange={(event) => update({ jsonValue: event.currentTarget.value })} w={150} ff="monospace" />}
                <TextInput size="xs" label="Produced from" type="datetime-local" step={1} value={form.timeFrom} onChange={(event) => update({ timeFrom: event.currentTarget.value })} w={190} />
                <TextInput size="xs" label="Produced until" type="datetime-local" step={1} value={form.timeTo} onChange={(event) => update({ timeTo: event.currentTarget.value })} w={190} />
                <Button size="xs" variant="subtle" color="gray" onClick={() => setForm(defaultBrowseForm)} title="Every browse option back to its default">
                  Reset
                </Button>
              </Group>
            </Stack>
          </Collapse>
        </Stack>
      </Paper>
      {formError && (
        <Alert color="red" title="Check the browse options">
          {formError}
        </Alert>
      )}
      <StatusLine status={browser.status} progress={browser.progress} held={browser.rows.length} dropped={browser.dropped} paused={browser.paused} request={browser.request} />
      {browser.status.state === 'error' && (
        <Alert color="red" title={errorTitles[browser.status.code] ?? 'Browsing stopped with an error'}>
          {browser.status.message} <Text span c="dimmed" size="xs">({browser.status.code})</Text>
        </Alert>
      )}
      {browser.rows.length > 0 ? (
        <MessageTable rows={browser.rows} selected={selected ? rowKey(selected) : null} onSelect={setSelected} onEscape={() => setSelected(null)} />
      ) : browser.status.state === 'done' || browser.status.state === 'stopped' ? (
        <Text c="dimmed" data-testid="empty-result">
          {emptyResultText(browser.request, browser.status)}
        </Text>
      ) : browser.status.state === 'idle' ? (
        <Text c="dimmed">Choose where to start and any filters, then press Start.</Text>
      ) : null}
      {selected && (
        <MessageDetail
          key={rowKey(selected)}
          profileId={profileId}
          topic={topic}
          row={selected}
          position={{ index: selectedIndex, count: browser.rows.length }}
          onPrevious={selectedIndex > 0 ? () => step(-1) : null}
          onNext={selectedIndex >= 0 && selectedIndex < browser.rows.length - 1 ? () => step(1) : null}
          onClose={() => setSelected(null)}
        />
      )}
    </Stack>
  );
}

function StatusLine({ status, progress, held, dropped, paused, request }: { status: BrowseStatus; progress: BrowseProgress | null; held: number; dropped: number; paused: boolean; request: BrowseRequest | null }) {
  const count = `${held.toLocaleString('en-US')} ${held === 1 ? 'message' : 'messages'}`;
  return (
    <Group gap="md" style={{ rowGap: 0 }} aria-live="polite">
      <Text size="sm" fw={500} data-testid="message-count">
        {count}
      </Text>
      {status.state === 'running' && (
        <Group gap={6}>
          {!paused && <Loader size="xs" />}
          <Text size="sm" c="dimmed">
            {paused ? 'Paused — reading resumes when you press Resume' : (status.phase ?? 'Reading…')}
          </Text>
        </Group>
      )}
      {status.state === 'done' && (
        <Text size="sm" c="dimmed">
          {status.summary.reason === 'limit' ? 'Stopped at the result limit.' : 'Read to the end of the range.'}
        </Text>
      )}
      {status.state === 'stopped' && (
        <Text size="sm" c="dimmed">
          {status.reason === 'user' ? 'Stopped.' : 'Stopped: the table holds no more rows.'}
        </Text>
      )}
      {dropped > 0 && (
        <Text size="sm" c="dimmed">
          Live tail shows the newest {LIVE_TAIL_WINDOW.toLocaleString('en-US')}; {dropped.toLocaleString('en-US')} older rows slid out.
        </Text>
      )}
      {progress && (
        <>
          <Text size="sm" c="dimmed" data-testid="browse-progress">
            scanned {progress.scanned.toLocaleString('en-US')} · matched {progress.matched.toLocaleString('en-US')} · {formatBytes(progress.bytes)} · {(progress.elapsedMs / 1000).toFixed(1)} s
          </Text>
          <PartitionPositions progress={progress} />
          <Text size="sm" c="dimmed" data-testid="browse-order">
            {orderText(progress.order, request?.direction ?? 'oldest-first', progress.partitions.length)}
          </Text>
        </>
      )}
    </Group>
  );
}

function PartitionPositions({ progress }: { progress: BrowseProgress }) {
  return (
    <Popover position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <Button size="compact-xs" variant="subtle">
          {progress.partitions.filter((entry) => entry.done).length}/{progress.partitions.length} partitions done
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Table aria-label="Partition positions" withRowBorders={false} fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th ta="right">From</Table.Th>
              <Table.Th ta="right">Position</Table.Th>
              <Table.Th ta="right">Until</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {progress.partitions.map((entry) => (
              <Table.Tr key={entry.partition}>
                <Table.Td>{entry.partition}</Table.Td>
                <Table.Td ta="right">{entry.start}</Table.Td>
                <Table.Td ta="right">{entry.position}</Table.Td>
                <Table.Td ta="right">{entry.end ?? 'live'}</Table.Td>
                <Table.Td>{entry.done ? 'done' : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Popover.Dropdown>
    </Popover>
  );
}
