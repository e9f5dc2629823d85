import { Alert, Button, Code, Group, Modal, NumberInput, SegmentedControl, Stack, Table, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ConnectionProfile } from '../../../../shared/domain/profile/profile-schema';
import { checkTopicName } from '../../../../shared/domain/topics/topic-names';
import type { TopicDetail } from '../../../../shared/domain/topics/topic-schemas';
import { readableConfigValue } from '../../../../shared/domain/topics/topic-config-keys';
import { ConfigForm } from './ConfigForm';
import { parseConfigLines } from './config-diff';
import { draftChanges, draftFromOverrides, draftFromText, draftToText } from './config-draft';
import { purgeText } from './purge-words';
import { useTopicAction } from './queries';
import { formatCount } from './topic-table-model';
import { DialogOutcome } from '../../components/DialogOutcome';

function ActionError({ error }: { error: Error | null }) {
  return error ? (
    <Alert color="red" title="Kafka refused" role="alert">
      {error.message}
    </Alert>
  ) : null;
}

function NameField({ value, onChange, existingNames, label }: { value: string; onChange(value: string): void; existingNames: readonly string[]; label: string }) {
  const check = checkTopicName(value, existingNames);
  return (
    <TextInput
      label={label}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={value !== '' && !check.ok ? check.reason : undefined}
      description={check.ok && check.warning ? check.warning : "Letters, digits, '.', '_' and '-'; at most 249 characters."}
      data-autofocus
    />
  );
}

/** Kafka made the topic, but something the user asked for or should know did not go through. */
function CreatedWithWarnings({ name, warnings, onDone }: { name: string; warnings: readonly string[]; onDone(): void }) {
  return (
    <DialogOutcome color="yellow" title={`Topic ${name} was created, with ${warnings.length === 1 ? 'a warning' : `${warnings.length} warnings`}`} onDone={onDone} doneLabel="Done">
      <Stack gap={4}>
        {warnings.map((warning) => (
          <Text key={warning} size="sm">
            {warning}
          </Text>
        ))}
      </Stack>
    </DialogOutcome>
  );
}

const optionalNumber = (value: string | number) => (typeof value === 'number' ? value : undefined);

export function CreateTopicDialog({ opened, profileId, defaults, existingNames, onClose, onCreated }: { opened: boolean; profileId: string; defaults: ConnectionProfile['topicDefaults'] | undefined; existingNames: readonly string[]; onClose(): void; onCreated(name: string): void }) {
  const [name, setName] = useState('');
  const [partitions, setPartitions] = useState<string | number>('');
  const [replicationFactor, setReplicationFactor] = useState<string | number>('');
  const [configText, setConfigText] = useState('');
  const create = useTopicAction('topics:create', () => undefined);
  const configs = parseConfigLines(configText);
  const valid = checkTopicName(name, existingNames).ok && configs.problems.length === 0;
  const close = () => {
    create.reset();
    setName('');
    setConfigText('');
    onClose();
  };
  const finish = (created: string) => (close(), onCreated(created));
  const submit = () =>
    create.mutate(
      { profileId, name, partitions: optionalNumber(partitions) ?? defaults?.partitions ?? undefined, replicationFactor: optionalNumber(replicationFactor) ?? defaults?.replicationFactor ?? undefined, configs: configs.values },
      // With warnings the dialog stays open to show them; Done finishes.
      { onSuccess: (created) => created.warnings.length === 0 && finish(created.name) },
    );
  const created = create.data && create.data.warnings.length > 0 ? create.data : undefined;
  return (
    <Modal opened={opened} onClose={created ? () => finish(created.name) : close} title="Create topic" centered>
      {created ? (
        <CreatedWithWarnings name={created.name} warnings={created.warnings} onDone={() => finish(created.name)} />
      ) : (
        <Stack gap="sm">
          <NameField label="Name" value={name} onChange={setName} existingNames={existingNames} />
          <Group grow>
            <NumberInput label="Partitions" min={1} value={partitions} onChange={setPartitions} placeholder={defaults?.partitions ? String(defaults.partitions) : "cluster's default"} />
            <NumberInput label="Replication factor" min={1} value={replicationFactor} onChange={setReplicationFactor} placeholder={defaults?.replicationFactor ? String(defaults.replicationFactor) : "cluster's default"} />
          </Group>
          <Textarea label="Configuration (key=value per line)" autosize minRows={2} value={configText} onChange={(event) => setConfigText(event.currentTarget.value)} error={configs.problems.join(' ') || undefined} placeholder="retention.ms=604800000" />
          <ActionError error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={submit} disabled={!valid} loading={create.isPending}>
              Create
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

export function DeleteTopicDialog({ opened, profileId, detail, messages, onClose, onDeleted }: { opened: boolean; profileId: string; detail: TopicDetail; messages: number; onClose(): void; onDeleted(): void }) {
  const [typed, setTyped] = useState('');
  const remove = useTopicAction('topics:delete', onDeleted);
  const close = () => (setTyped(''), remove.reset(), onClose());
  return (
    <Modal opened={opened} onClose={close} title={`Delete topic ${detail.name}?`} centered>
      <Stack gap="sm">
        <Text size="sm">
          Deletes the topic, its {detail.partitions.length} partition{detail.partitions.length === 1 ? '' : 's'} and about {formatCount(messages)} messages on every broker. This cannot be undone.
          {detail.groups.length > 0 && ` ${detail.groups.length} consumer group(s) reading it lose their position.`}
        </Text>
        <TextInput label={`Type the topic name (${detail.name}) to confirm`} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} data-autofocus />
        <ActionError error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red" disabled={typed !== detail.name} loading={remove.isPending} onClick={() => remove.mutate({ profileId, topic: detail.name, confirmation: typed }, { onSuccess: close })}>
            Delete topic
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function AddPartitionsDialog({ opened, profileId, detail, onClose, onChanged }: { opened: boolean; profileId: string; detail: TopicDetail; onClose(): void; onChanged(): void }) {
  const current = detail.partitions.length;
  const [total, setTotal] = useState<string | number>(current + 1);
  const add = useTopicAction('topics:add-partitions', onChanged);
  const close = () => (add.reset(), onClose());
  const count = optionalNumber(total) ?? 0;
  return (
    <Modal opened={opened} onClose={close} title={`Add partitions to ${detail.name}`} centered>
      <Stack gap="sm">
        <NumberInput label="New partition count" min={current + 1} value={total} onChange={setTotal} description={`Now ${current}. Partitions can only be added, never removed.`} />
        <Text size="sm" c="dimmed">
          Keyed messages map to partitions by hash: after this, new messages of a key may land on another partition than its older ones.
        </Text>
        <ActionError error={add.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button disabled={count <= current} loading={add.isPending} onClick={() => add.mutate({ profileId, topic: detail.name, totalPartitions: count }, { onSuccess: close })}>
            Add {Math.max(0, count - current)} partition(s)
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * Edits the topic's overrides: a typed form per known key and the raw `key=value` editor, both on one
 * draft; only the keys that differ are sent (set or reset), after a review of the changes.
 */
export function EditConfigDialog({ opened, profileId, detail, onClose, onChanged }: { opened: boolean; profileId: string; detail: TopicDetail; onClose(): void; onChanged(): void }) {
  const overrides = Object.fromEntries(detail.configs.filter((entry) => entry.isOverride && entry.value !== null).map((entry) => [entry.name, entry.value as string]));
  const [draft, setDraft] = useState(() => draftFromOverrides(overrides));
  const [tab, setTab] = useState<'form' | 'raw'>('form');
  const [text, setText] = useState('');
  const [syntaxProblems, setSyntaxProblems] = useState<string[]>([]);
  const [reviewing, setReviewing] = useState(false);
  const alter = useTopicAction('topics:alter-config', onChanged);
  const edit = draftChanges(draft);
  const problems = Object.values(edit.problems);
  const changes = Object.keys(edit.set).length + edit.reset.length;
  const close = () => (alter.reset(), setReviewing(false), onClose());
  // The value a key takes without an override: the next synonym for an override, else its current value.
  const defaults = new Map(detail.configs.map((entry) => [entry.name, entry.isOverride ? (entry.inherited[0]?.value ?? null) : entry.value]));
  const openTab = (next: string | null) => {
    if (next === 'raw') {
      setText(draftToText(draft));
      setSyntaxProblems([]);
    }
    if (next === 'form' || next === 'raw') setTab(next);
  };
  const editText = (next: string) => {
    setText(next);
    const parsed = draftFromText(draft, next);
    setSyntaxProblems(parsed.syntaxProblems);
    setDraft(parsed.draft);
  };
  const rawProblems = tab === 'raw' ? parseConfigLines(text).problems : [];
  return (
    <Modal opened={opened} onClose={close} title={`Configuration of ${detail.name}`} size="xl" centered>
      <Stack gap="sm">
        {!reviewing ? (
          <Tabs value={tab} onChange={openTab} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="form" disabled={syntaxProblems.length > 0} title={syntaxProblems.length > 0 ? 'Fix the lines that do not parse first' : undefined}>
                Form
              </Tabs.Tab>
              <Tabs.Tab value="raw">Raw (key=value)</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="form" pt="xs">
              <ConfigForm draft={draft} defaults={defaults} onChange={setDraft} />
            </Tabs.Panel>
            <Tabs.Panel value="raw" pt="xs">
              <Textarea
                label="Overrides (key=value per line; remove a line to reset it to the default)"
                autosize
                minRows={6}
                maxRows={20}
                value={text}
                onChange={(event) => editText(event.currentTarget.value)}
                error={rawProblems.join(' ') || undefined}
                styles={{ input: { fontFamily: 'monospace' } }}
                data-autofocus
              />
            </Tabs.Panel>
          </Tabs>
        ) : (
          <Table aria-label="Changes to apply">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Key</Table.Th>
                <Table.Th>Now</Table.Th>
                <Table.Th>After</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {Object.entries(edit.set).map(([key, value]) => (
                <Table.Tr key={key}>
                  <Table.Td>
                    <Code>{key}</Code>
                  </Table.Td>
                  <Table.Td>{overrides[key] !== undefined ? withWords(key, overrides[key]) : `(default${defaults.get(key) ? `: ${withWords(key, defaults.get(key)!)}` : ''})`}</Table.Td>
                  <Table.Td>{withWords(key, value)}</Table.Td>
                </Table.Tr>
              ))}
              {edit.reset.map((key) => (
                <Table.Tr key={key}>
                  <Table.Td>
                    <Code>{key}</Code>
                  </Table.Td>
                  <Table.Td>{withWords(key, overrides[key]!)}</Table.Td>
                  <Table.Td>reset to default{defaults.get(key) ? ` (${withWords(key, defaults.get(key)!)})` : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {!reviewing && problems.length > 0 && (
          <Text size="sm" c="red.8" role="status">
            {problems.length === 1 ? '1 value to fix' : `${problems.length} values to fix`} before review: {Object.keys(edit.problems).join(', ')}.
          </Text>
        )}
        <ActionError error={alter.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={reviewing ? () => setReviewing(false) : close}>
            {reviewing ? 'Back' : 'Cancel'}
          </Button>
          {reviewing ? (
            <Button loading={alter.isPending} onClick={() => alter.mutate({ profileId, topic: detail.name, set: edit.set, reset: edit.reset }, { onSuccess: close })}>
              Apply {changes} change(s)
            </Button>
          ) : (
            <Button disabled={changes === 0 || problems.length > 0 || syntaxProblems.length > 0} onClick={() => setReviewing(true)}>
              Review {changes} change(s)
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

const withWords = (key: string, raw: string) => {
  const words = readableConfigValue(key, raw);
  return words === raw ? raw : `${words} (${raw})`;
};

export function PurgeTopicDialog({ opened, profileId, detail, onClose, onChanged }: { opened: boolean; profileId: string; detail: TopicDetail; onClose(): void; onChanged(): void }) {
  const [mode, setMode] = useState<'all' | 'offset'>('all');
  const [partition, setPartition] = useState<string | number>(0);
  const [offset, setOffset] = useState<string | number>(0);
  const [typed, setTyped] = useState('');
  const purge = useTopicAction('topics:purge', onChanged);
  const close = () => (purge.reset(), setTyped(''), onClose());
  const target = detail.partitions.find((entry) => entry.partition === optionalNumber(partition));
  return (
    <Modal opened={opened} onClose={close} title={`Purge records of ${detail.name}`} centered>
      <Stack gap="sm">
        <SegmentedControl value={mode} onChange={(value) => setMode(value as 'all' | 'offset')} data={[{ value: 'all', label: 'All records' }, { value: 'offset', label: 'Up to an offset' }]} />
        {mode === 'offset' && (
          <Group grow>
            <NumberInput label="Partition" min={0} max={detail.partitions.length - 1} value={partition} onChange={setPartition} />
            <NumberInput label="Up to offset (exclusive)" min={0} max={target?.endOffset ?? undefined} value={offset} onChange={setOffset} />
          </Group>
        )}
        <Text size="sm">
          {purgeText(detail.partitions, mode === 'all' ? { kind: 'all' } : { kind: 'offset', partition: optionalNumber(partition) ?? 0, offset: optionalNumber(offset) ?? 0 })} The topic and its configuration stay. This cannot be undone.
        </Text>
        <TextInput label={`Type the topic name (${detail.name}) to confirm`} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} />
        <ActionError error={purge.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color="red"
            disabled={typed !== detail.name || (mode === 'offset' && !target)}
            loading={purge.isPending}
            onClick={() =>
              purge.mutate(
                { profileId, topic: detail.name, upTo: mode === 'all' ? { kind: 'all' } : { kind: 'offsets', offsets: [{ partition: optionalNumber(partition) ?? 0, offset: optionalNumber(offset) ?? 0 }] } },
                { onSuccess: close },
              )
            }
          >
            Purge
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function CloneTopicDialog({ opened, profileId, detail, existingNames, onClose, onChanged }: { opened: boolean; profileId: string; detail: TopicDetail; existingNames: readonly string[]; onClose(): void; onChanged(): void }) {
  const [target, setTarget] = useState(`${detail.name}-copy`);
  const clone = useTopicAction('topics:clone', onChanged);
  const close = () => (clone.reset(), onClose());
  const overrides = detail.configs.filter((entry) => entry.isOverride);
  return (
    <Modal opened={opened} onClose={close} title={`Clone ${detail.name}`} centered>
      {clone.data && clone.data.warnings.length > 0 ? (
        <CreatedWithWarnings name={clone.data.name} warnings={clone.data.warnings} onDone={close} />
      ) : (
        <Stack gap="sm">
          <NameField label="New topic" value={target} onChange={setTarget} existingNames={existingNames} />
          <Text size="sm">
            Creates an empty topic with {detail.partitions.length} partitions, replication factor {detail.partitions[0]?.replicas.length ?? 1} and {overrides.length} configuration override(s). Messages are not copied.
          </Text>
          <ActionError error={clone.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              disabled={!checkTopicName(target, existingNames).ok}
              loading={clone.isPending}
              onClick={() => clone.mutate({ profileId, source: detail.name, target }, { onSuccess: (created) => created.warnings.length === 0 && close() })}
            >
              Clone
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
