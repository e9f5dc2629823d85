import { Alert, Button, Checkbox, Group, Modal, NumberInput, ScrollArea, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { GroupDetail } from '../../../../shared/domain/groups/group-schemas';
import type { ResetPlan } from '../../../../shared/domain/groups/offset-reset';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { offsetsByTopic } from './group-detail-model';
import { formatLag } from './group-table-model';
import { useResetApply, useResetPreview } from './group-actions';
import { agoUnits, buildReset, describeScope, describeTarget, initialResetForm, partitionKey, scopedPartitions, type AgoUnit, type ResetForm, type ResetMode, type ScopeKind } from './reset-form';
import { DialogOutcome } from '../../components/DialogOutcome';

type ResetApplied = ChannelOutput<'groups:reset-apply'>;

const modeLabels: { value: ResetMode; label: string }[] = [
  { value: 'earliest', label: 'Earliest' },
  { value: 'latest', label: 'Latest' },
  { value: 'datetime', label: 'Date & time' },
  { value: 'ago', label: 'Time ago' },
  { value: 'offset', label: 'Offset per partition' },
  { value: 'shift', label: 'Shift ±N' },
];

const scopeLabels: { value: ScopeKind; label: string }[] = [
  { value: 'topic', label: 'One topic' },
  { value: 'partitions', label: 'Chosen partitions' },
  { value: 'all', label: 'All topics' },
];

/**
 * Choose → preview (main's dry run, nothing changes) → typed confirmation → apply exactly the previewed
 * rows. If the partitions moved since the preview, main refuses and the dialog says so and offers a new one.
 */
export function ResetOffsetsDialog({ profileId, detail, onClose, onApplied }: { profileId: string; detail: GroupDetail; onClose(): void; onApplied(): void }) {
  const [form, setForm] = useState<ResetForm>(() => initialResetForm(detail));
  const [typed, setTyped] = useState('');
  const preview = useResetPreview();
  const apply = useResetApply(onApplied);
  // The clock behind "is this time in the past", read when the form changes rather than on every render.
  const [now, setNow] = useState(() => Date.now());
  const built = buildReset(form, detail, now);
  const plan = preview.data ?? null;
  const update = (patch: Partial<ResetForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setNow(Date.now());
    // A changed request makes the shown preview stale: it must be previewed again.
    preview.reset();
    apply.reset();
    setTyped('');
  };
  const runPreview = () => {
    if (!built.ok) return;
    apply.reset();
    setTyped('');
    preview.mutate({ profileId, groupId: detail.groupId, scope: built.scope, target: built.target });
  };
  const applied = apply.data ?? null;
  // Main refuses with this reason when a fresh plan differs from the previewed one (ends or commits moved).
  const endsMoved = apply.error !== null && (apply.error as Error & { details?: { reason?: string } }).details?.reason === 'plan-changed';

  return (
    <Modal opened onClose={onClose} title={`Reset offsets of ${detail.groupId}`} size="xl" centered>
      {applied ? (
        <DialogOutcome title="Offsets committed" color={readBackMismatch(applied).length === 0 ? 'green' : 'orange'} onDone={onClose} after={<PlanTable plan={applied} />}>
          {readBackMismatch(applied).length === 0
            ? `${applied.rows.length} partition${applied.rows.length === 1 ? '' : 's'} of ${detail.groupId} now resume at the offsets previewed (read back from Kafka after the commit).`
            : `Committed, but reading back found other offsets on ${readBackMismatch(applied).join(', ')}: a consumer may have committed in between.`}
        </DialogOutcome>
      ) : (
        <Stack gap="sm">
          <ResetChoices detail={detail} form={form} update={update} />
          {!built.ok && (
            <Text size="sm" c="red" role="alert" data-testid="reset-problem">
              {built.problem}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button variant={plan ? 'default' : 'filled'} onClick={runPreview} disabled={!built.ok} loading={preview.isPending}>
              {plan ? 'Preview again' : 'Preview'}
            </Button>
          </Group>
          {preview.error && (
            <Alert color="red" title="Main refused the preview" role="alert">
              {preview.error.message}
            </Alert>
          )}
          {plan && (
            <Stack gap="xs" data-testid="reset-preview">
              <Text size="sm">
                Dry run, nothing changed yet: {describeScope(plan.scope, detail)} to {describeTarget(plan.target)}. {plan.totals.changed} of {plan.rows.length} partition{plan.rows.length === 1 ? '' : 's'} change; total lag {formatLag(plan.totals.lagBefore, false)} → {formatLag(plan.totals.lagAfter, false)}
                {plan.totals.clamped > 0 ? `; ${plan.totals.clamped} clamped to the partition's range` : ''}.
              </Text>
              <PlanTable plan={plan} />
              {plan.blockers.length > 0 && (
                <Alert color="orange" title="Main would refuse to apply this now" role="alert" data-testid="reset-blockers">
                  {plan.blockers.map((blocker) => (
                    <Text key={blocker} size="sm">
                      {blocker}
                    </Text>
                  ))}
                </Alert>
              )}
              {endsMoved && (
                <Alert color="orange" title="The partitions moved since this preview" role="alert">
                  <Stack gap={6} align="flex-start">
                    <Text size="sm">{apply.error?.message}</Text>
                    <Button size="xs" variant="light" onClick={runPreview} loading={preview.isPending}>
                      Re-preview
                    </Button>
                  </Stack>
                </Alert>
              )}
              {apply.error && !endsMoved && (
                <Alert color="red" title="Main refused the reset" role="alert">
                  {apply.error.message}
                </Alert>
              )}
              <TextInput label={`Type the group id (${detail.groupId}) to apply this table`} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} autoComplete="off" />
              <Group justify="flex-end">
                <Button color="red" disabled={typed !== detail.groupId || endsMoved || plan.blockers.length > 0} loading={apply.isPending} onClick={() => apply.mutate({ profileId, groupId: detail.groupId, scope: plan.scope, target: plan.target, fingerprint: plan.fingerprint, previewed: plan.rows, confirmation: typed })}>
                  Apply {plan.rows.length} offset{plan.rows.length === 1 ? '' : 's'}
                </Button>
              </Group>
            </Stack>
          )}
        </Stack>
      )}
    </Modal>
  );
}

function ResetChoices({ detail, form, update }: { detail: GroupDetail; form: ResetForm; update(patch: Partial<ResetForm>): void }) {
  const topics = offsetsByTopic(detail.offsets);
  const topicPartitions = topics.find((entry) => entry.topic === form.topic)?.partitions ?? [];
  const inScope = scopedPartitions(form, detail);
  const committed = new Map(detail.offsets.map((entry) => [partitionKey(entry.topic, entry.partition), entry.committed]));
  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" fw={500} mb={4} id="reset-mode-label">
          Reset to
        </Text>
        <SegmentedControl aria-labelledby="reset-mode-label" fullWidth value={form.mode} onChange={(value) => update({ mode: value as ResetMode })} data={modeLabels} />
      </div>
      {form.mode === 'datetime' && (
        <TextInput
          type="datetime-local"
          label="Date and time (local)"
          description="Each partition resumes at its first record at or after this time (ListOffsets by time)."
          value={form.dateTime}
          onChange={(event) => update({ dateTime: event.currentTarget.value })}
          step={1}
          w={280}
        />
      )}
      {form.mode === 'ago' && (
        <Group gap="xs" align="flex-end">
          <TextInput label="How long ago" value={form.agoAmount} onChange={(event) => update({ agoAmount: event.currentTarget.value })} w={120} inputMode="numeric" />
          <Select aria-label="Unit" data={agoUnits.map((unit) => ({ value: unit, label: unit }))} value={form.agoUnit} onChange={(value) => value && update({ agoUnit: value as AgoUnit })} allowDeselect={false} w={130} />
          <Text size="sm" c="dimmed" pb={8}>
            resolved when you preview
          </Text>
        </Group>
      )}
      {form.mode === 'shift' && (
        <TextInput label="Shift by" description="Negative re-reads records, positive skips them; from each partition's committed offset." placeholder="-100" value={form.shift} onChange={(event) => update({ shift: event.currentTarget.value })} w={280} />
      )}
      <div>
        <Text size="sm" fw={500} mb={4} id="reset-scope-label">
          Scope
        </Text>
        <Group gap="sm" align="flex-end">
          <SegmentedControl aria-labelledby="reset-scope-label" value={form.scope} onChange={(value) => update({ scope: value as ScopeKind, partitions: [] })} data={scopeLabels} />
          {form.scope !== 'all' && (
            <Select aria-label="Topic" placeholder="Topic" data={topics.map((entry) => entry.topic)} value={form.topic} onChange={(value) => update({ topic: value, partitions: [] })} searchable allowDeselect={false} w={280} />
          )}
        </Group>
      </div>
      {form.scope === 'partitions' && form.topic && (
        <Checkbox.Group label={`Partitions of ${form.topic}`} value={form.partitions.map(String)} onChange={(values) => update({ partitions: values.map(Number) })}>
          <Group gap="sm" mt={4}>
            {topicPartitions.map((entry) => (
              <Checkbox key={entry.partition} value={String(entry.partition)} label={String(entry.partition)} />
            ))}
          </Group>
        </Checkbox.Group>
      )}
      {form.mode === 'offset' && inScope.length > 0 && (
        <ScrollArea.Autosize mah={220}>
          <Table aria-label="Offset per partition">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Topic</Table.Th>
                <Table.Th ta="right">Partition</Table.Th>
                <Table.Th ta="right">Committed now</Table.Th>
                <Table.Th>New offset</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {inScope.map(({ topic, partition }) => {
                const key = partitionKey(topic, partition);
                return (
                  <Table.Tr key={key}>
                    <Table.Td>{topic}</Table.Td>
                    <Table.Td ta="right">{partition}</Table.Td>
                    <Table.Td ta="right">{committed.get(key) ?? '—'}</Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`New offset for ${topic} partition ${partition}`}
                        size="xs"
                        min={0}
                        allowDecimal={false}
                        allowNegative={false}
                        value={form.offsets[key] ?? ''}
                        onChange={(value) => update({ offsets: { ...form.offsets, [key]: String(value) } })}
                        w={160}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

/** Partitions whose committed offset, read back after the apply, is not the one applied. */
function readBackMismatch(applied: ResetApplied): string[] {
  const read = new Map(applied.readBack.map((entry) => [partitionKey(entry.topic, entry.partition), entry.committed]));
  return applied.rows.filter((row) => read.get(partitionKey(row.topic, row.partition)) !== row.target).map((row) => `${row.topic}-${row.partition}`);
}

/** The preview (and, after apply, the applied) rows: partition, current → new, lag before → after, notes. */
function PlanTable({ plan }: { plan: Pick<ResetPlan, 'rows'> }) {
  return (
    <ScrollArea.Autosize mah={300}>
      <Table striped stickyHeader aria-label="Offset reset preview">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Topic</Table.Th>
            <Table.Th ta="right">Partition</Table.Th>
            <Table.Th ta="right">Current</Table.Th>
            <Table.Th ta="right">New</Table.Th>
            <Table.Th ta="right">Lag before → after</Table.Th>
            <Table.Th>Note</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.rows.map((row) => (
            <Table.Tr key={`${row.topic}:${row.partition}`} data-reset-row={`${row.topic}:${row.partition}`} data-current={row.current ?? ''} data-target={row.target} data-end={row.end}>
              <Table.Td>{row.topic}</Table.Td>
              <Table.Td ta="right">{row.partition}</Table.Td>
              <Table.Td ta="right">{row.current ?? <Text span c="dimmed" size="sm">none</Text>}</Table.Td>
              <Table.Td ta="right" fw={row.current !== row.target ? 600 : undefined}>
                {row.target}
              </Table.Td>
              <Table.Td ta="right">
                {formatLag(row.lagBefore, false)} → {formatLag(row.lagAfter, false)}
              </Table.Td>
              <Table.Td c={row.clamped ? 'orange' : 'dimmed'}>
                <Text size="sm">{row.note ?? (row.current === row.target ? 'unchanged' : '')}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
