// The typed half of the edit-config dialog: one control per key, matching its type in the shared table
// (numbers with their range and the value in words, switches, selects), checked as typed, each with
// "Reset to default". It edits the same draft as the raw editor.
import { Button, Code, Group, ScrollArea, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { configRangeWords, readableConfigValue, topicConfigKeys } from '../../../../shared/domain/topics/topic-config-keys';
import { draftChanges, formKeys, resetDraftKey, revertDraftKey, sameEnumList, setDraftValue, type ConfigDraft } from './config-draft';

export interface ConfigFormProps {
  draft: ConfigDraft;
  /** The value each key takes when it is not overridden (the broker's answer), by key. */
  defaults: ReadonlyMap<string, string | null>;
  onChange(draft: ConfigDraft): void;
}

const enumOptions = (values: readonly string[], kind: string) =>
  kind === 'enum-list' && values.length === 2 ? [...values.map((value) => ({ value, label: value })), { value: values.join(','), label: `both (${values.join(',')})` }] : values.map((value) => ({ value, label: value }));

export function ConfigForm({ draft, defaults, onChange }: ConfigFormProps) {
  const [filter, setFilter] = useState('');
  const changes = draftChanges(draft);
  const keys = formKeys(draft, filter);
  return (
    <Stack gap="xs">
      <TextInput size="xs" aria-label="Filter keys" placeholder="Filter keys" value={filter} onChange={(event) => setFilter(event.currentTarget.value)} />
      <ScrollArea.Autosize mah="55vh" type="auto" tabIndex={0} aria-label="Configuration keys">
        <Stack gap={0}>
          {keys.length === 0 && (
            <Text size="sm" c="dimmed">
              No key matches “{filter}”.
            </Text>
          )}
          {keys.map((key) => (
            <ConfigField
              key={key}
              name={key}
              value={draft.values[key]}
              current={draft.base[key]}
              overridden={Object.hasOwn(draft.values, key)}
              changed={Object.hasOwn(changes.set, key) || changes.reset.includes(key)}
              fallback={defaults.get(key) ?? null}
              problem={changes.problems[key]}
              onValue={(value) => onChange(setDraftValue(draft, key, value))}
              onReset={() => onChange(resetDraftKey(draft, key))}
              onUndo={() => onChange(revertDraftKey(draft, key))}
            />
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}

interface FieldProps {
  name: string;
  value: string | undefined;
  /** The topic's override now, if it has one. */
  current: string | undefined;
  overridden: boolean;
  changed: boolean;
  fallback: string | null;
  problem: string | undefined;
  onValue(value: string): void;
  onReset(): void;
  onUndo(): void;
}

const withRaw = (key: string, raw: string) => {
  const words = readableConfigValue(key, raw);
  return words === raw ? raw : `${words} (${raw})`;
};

function ConfigField({ name, value, current, overridden, changed, fallback, problem, onValue, onReset, onUndo }: FieldProps) {
  const spec = topicConfigKeys[name];
  const id = `config-field-${name.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  const defaultWords = fallback === null ? 'no default' : `default ${withRaw(name, fallback)}`;
  const shown = value ?? '';
  const inWords = value !== undefined && !problem ? readableConfigValue(name, value) : '';
  const now = current === undefined ? `Now: ${defaultWords}.` : `Now: override ${withRaw(name, current)}.`;
  const description = [spec?.summary, configRangeWords(name), inWords && inWords !== shown ? `= ${inWords}.` : null, changed && !overridden ? `${now} Reset to default on Apply.` : now].filter(Boolean).join(' ');
  const label = (
    <Group gap={6} component="span" wrap="nowrap">
      <Code>{name}</Code>
      {changed && (
        <Text span size="xs" c="blue.8" fw={600}>
          changed
        </Text>
      )}
    </Group>
  );
  let control;
  if (spec?.kind === 'boolean') {
    const checked = (value ?? fallback) === 'true';
    control = <Switch id={id} label={label} description={description} checked={checked} onChange={(event) => onValue(event.currentTarget.checked ? 'true' : 'false')} error={problem} />;
  } else if (spec && (spec.kind === 'enum' || spec.kind === 'enum-list') && spec.values) {
    const options = enumOptions(spec.values, spec.kind);
    const current = value === undefined ? null : (options.find((option) => (spec.kind === 'enum-list' ? sameEnumList(option.value, value) : option.value === value))?.value ?? value);
    const data = current !== null && !options.some((option) => option.value === current) ? [...options, { value: current, label: `${current} (not a known value)` }] : options;
    control = (
      <Select
        id={id}
        label={label}
        description={description}
        data={data}
        value={current}
        placeholder={fallback === null ? 'default' : `default: ${fallback}`}
        onChange={(next) => (next === null ? onReset() : onValue(next))}
        allowDeselect={false}
        error={problem}
        comboboxProps={{ withinPortal: true }}
      />
    );
  } else {
    const numeric = spec !== undefined && spec.kind !== 'list';
    control = (
      <TextInput
        id={id}
        label={label}
        description={spec?.kind === 'list' ? `${description} Comma-separated.` : description}
        value={shown}
        placeholder={fallback === null ? 'default' : `default: ${fallback}`}
        inputMode={numeric ? (spec.kind === 'ratio' ? 'decimal' : 'numeric') : undefined}
        onChange={(event) => onValue(event.currentTarget.value)}
        error={problem}
        styles={{ input: { fontFamily: 'monospace' } }}
      />
    );
  }
  return (
    <Group align="flex-start" wrap="nowrap" gap="sm" py={6} data-config-field={name} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <div style={{ flex: 1, minWidth: 0 }}>{control}</div>
      {changed && (
        <Button size="compact-xs" variant="default" mt={2} onClick={onUndo} aria-label={`Undo the change to ${name}`}>
          Undo
        </Button>
      )}
      <Button size="compact-xs" variant="default" mt={2} onClick={onReset} disabled={!overridden} aria-label={`Reset ${name} to default`} title={overridden ? `Remove the override; the topic takes ${defaultWords}` : 'Not overridden'}>
        Reset to default
      </Button>
    </Group>
  );
}
