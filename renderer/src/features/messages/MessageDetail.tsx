import { Alert, Badge, Button, Code, CopyButton, Drawer, Group, ScrollArea, SegmentedControl, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { BrowseRow, DecodedPayloadRow } from '../../../../shared/domain/messages/browse-request';
import { useUiStore } from '../../app/ui-store';
import { api, unwrap } from '../../lib/api';
import { ariaShortcut, useShortcuts, withShortcut } from '../../lib/shortcuts';
import { ReproduceButton } from '../producer/ReproduceDialog';
import { DecodedSchemaBadges, DecodedSchemaProblems } from '../schemas/DecodedSchemaInfo';
import { JsonTree } from './JsonTree';
import { availableViews, formatBytes, formatTimestamp, renderPayload, showDirectionControls, timeZoneName, viewLabels, type PayloadView } from './payload-format';

const timestampTypeWords = { create: 'create time (set by the producer)', 'log-append': 'log-append time (set by the broker)' } as const;

/** Keyed by message by its caller, so a newly opened message starts without a fetched copy. */
export function MessageDetail(props: {
  profileId: string;
  topic: string;
  row: BrowseRow;
  /** Where the row stands in the table, for "3 of 120". */
  position: { index: number; count: number };
  /** Null at either end of the table. */
  onPrevious: (() => void) | null;
  onNext: (() => void) | null;
  onClose(): void;
}) {
  const { profileId, topic, row, onClose } = props;
  const full = useMutation({
    mutationFn: () => unwrap(api.invoke['messages:fetch']({ profileId, topic, partition: row.partition, offset: row.offset })),
  });
  const shown = full.data ?? row;
  const zone = useUiStore((state) => state.timeZone);
  const other = zone === 'utc' ? 'local' : 'utc';
  useShortcuts({ nextMessage: props.onNext, previousMessage: props.onPrevious });

  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={`Message ${row.partition}:${row.offset}`}>
      <Stack gap="md">
        <Group gap="xs" justify="space-between">
          <Group gap="xs">
            <Tooltip label={withShortcut('Previous message in the table', 'previousMessage')}>
              <Button size="compact-sm" variant="default" onClick={props.onPrevious ?? undefined} disabled={props.onPrevious === null} aria-keyshortcuts={ariaShortcut('previousMessage')}>
                ↑ Previous
              </Button>
            </Tooltip>
            <Tooltip label={withShortcut('Next message in the table', 'nextMessage')}>
              <Button size="compact-sm" variant="default" onClick={props.onNext ?? undefined} disabled={props.onNext === null} aria-keyshortcuts={ariaShortcut('nextMessage')}>
                ↓ Next
              </Button>
            </Tooltip>
          </Group>
          {props.position.index >= 0 && (
            <Text size="sm" c="dimmed" data-testid="message-position">
              {(props.position.index + 1).toLocaleString('en-US')} of {props.position.count.toLocaleString('en-US')} in the table
            </Text>
          )}
        </Group>
        <Table withRowBorders={false} aria-label="Message metadata">
          <Table.Tbody>
            <Meta label="Partition">{shown.partition}</Meta>
            <Meta label="Offset">{shown.offset}</Meta>
            <Meta label="Timestamp">
              <span data-testid="message-timestamp">
                {formatTimestamp(shown.timestamp, zone)} {timeZoneName(zone, shown.timestamp)}
              </span>
              <Text size="sm" c="dimmed">
                {formatTimestamp(shown.timestamp, other)} {timeZoneName(other, shown.timestamp)} · {shown.timestamp} ms since the epoch · {timestampTypeWords[shown.timestampType]}
              </Text>
            </Meta>
            <Meta label="Size">
              <span title={`${shown.sizes.total.toLocaleString('en-US')} bytes`}>{formatBytes(shown.sizes.total)}</span> — key {formatBytes(shown.sizes.key)}, value {formatBytes(shown.sizes.value)}, headers {formatBytes(shown.sizes.headers)}
            </Meta>
          </Table.Tbody>
        </Table>
        <ReproduceButton profileId={profileId} source={{ topic, partition: row.partition, offset: row.offset }} />
        {shown.truncated && (
          <Alert color="blue" title="This is a preview">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">Parts of this message were cut to keep browsing fast.</Text>
              <Button size="xs" loading={full.isPending} onClick={() => full.mutate()}>
                Load full message
              </Button>
            </Stack>
          </Alert>
        )}
        {full.error && (
          <Alert color="red" title="The full message could not be loaded">
            {full.error.message}
          </Alert>
        )}
        {full.data === null && <Alert color="yellow">The message is no longer in the topic: retention or compaction removed it.</Alert>}
        <PayloadSection title="Key" payload={shown.key} />
        <PayloadSection title="Value" payload={shown.value} />
        <Stack gap="xs">
          <Title order={4}>Headers ({shown.headers.length})</Title>
          {shown.headers.length === 0 && (
            <Text size="sm" c="dimmed">
              No headers.
            </Text>
          )}
          {shown.headers.map((header, index) => (
            <PayloadSection key={`${index}:${header.key}`} title={header.key} payload={header.value} compact />
          ))}
        </Stack>
      </Stack>
    </Drawer>
  );
}

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={110} fw={500} c="dimmed">
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function PayloadSection({ title, payload, compact = false }: { title: string; payload: DecodedPayloadRow | null; compact?: boolean }) {
  const views = payload ? availableViews(payload) : [];
  const [chosen, setChosen] = useState<PayloadView | null>(null);
  const view = chosen !== null && views.includes(chosen) ? chosen : views[0];
  const text = payload && view ? renderPayload(payload, view) : '';

  return (
    <Stack gap={6} aria-label={title} role="group">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs">
          {compact ? <Code>{title}</Code> : <Title order={4}>{title}</Title>}
          {payload && (
            <Badge size="sm" variant="light" color="gray">
              {payload.kind}
            </Badge>
          )}
          {payload?.schema && <DecodedSchemaBadges schema={payload.schema} />}
          {payload?.truncated && (
            <Badge size="sm" variant="light" color="blue">
              preview of {formatBytes(payload.size)}
            </Badge>
          )}
        </Group>
        {payload && view && (
          <Group gap={6} wrap="nowrap">
            {views.length > 1 && <SegmentedControl size="xs" value={view} onChange={(next) => setChosen(next as PayloadView)} data={views.map((value) => ({ value, label: viewLabels[value] }))} aria-label={`${title} format`} />}
            <CopyButton value={text}>
              {({ copied, copy }) => (
                <Button size="compact-xs" variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={`Copy ${title}`}>
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
        )}
      </Group>
      {payload?.schema && <DecodedSchemaProblems schema={payload.schema} part={title} />}
      {payload === null ? (
        <Text size="sm" c="dimmed">
          null
        </Text>
      ) : view === 'tree' ? (
        <ScrollArea.Autosize mah={compact ? 160 : 420} data-testid={`payload-${title.toLowerCase()}-tree`}>
          <JsonTree text={payload.text} label={`${title} as a tree`} />
        </ScrollArea.Autosize>
      ) : (
        <ScrollArea.Autosize mah={compact ? 160 : 420}>
          <Code block data-testid={`payload-${title.toLowerCase()}`} style={view === 'hex' ? { whiteSpace: 'pre', width: 'max-content' } : { whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {showDirectionControls(text)}
          </Code>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
