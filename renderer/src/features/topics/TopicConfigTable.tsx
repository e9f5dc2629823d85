// The configuration tab: every value in words (7 days, 1 GiB, unlimited) with the raw value on hover,
// where it comes from, and a filter with "overrides only" for the keys this topic sets itself.
import { Badge, Code, Group, Switch, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { readableConfigValue, topicConfigKeys } from '../../../../shared/domain/topics/topic-config-keys';
import type { TopicConfigEntry } from '../../../../shared/domain/topics/topic-schemas';
import { visibleConfigs } from './config-diff';

export const sourceWords: Record<string, string> = {
  topic: 'topic override',
  'broker-dynamic': 'broker (dynamic)',
  'broker-default-dynamic': 'cluster-wide default (dynamic)',
  'broker-static': 'broker (server.properties)',
  default: 'Kafka default',
  unknown: 'unknown',
};

export function TopicConfigTable({ configs }: { configs: readonly TopicConfigEntry[] }) {
  const [text, setText] = useState('');
  const [overridesOnly, setOverridesOnly] = useState(false);
  const shown = visibleConfigs(configs, { text, overridesOnly });
  const overrides = configs.filter((entry) => entry.isOverride).length;
  return (
    <>
      <Group gap="sm" py={6} wrap="nowrap">
        <TextInput size="xs" placeholder="Filter keys or values" aria-label="Filter configuration" value={text} onChange={(event) => setText(event.currentTarget.value)} style={{ flex: 1 }} />
        <Switch size="xs" label={`Overrides only (${overrides})`} checked={overridesOnly} onChange={(event) => setOverridesOnly(event.currentTarget.checked)} />
      </Group>
      <Text size="xs" c="dimmed" aria-live="polite" data-testid="config-count">
        {shown.length === configs.length ? `${configs.length} keys` : `${shown.length} of ${configs.length} keys`}
      </Text>
      <Table aria-label="Configuration" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="42%">Key</Table.Th>
            <Table.Th>Value</Table.Th>
            <Table.Th w={128}>Source</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((entry) => {
            const readable = readableConfigValue(entry.name, entry.value);
            return (
              <Table.Tr key={entry.name} data-config={entry.name}>
                <Table.Td style={{ overflow: 'hidden' }}>
                  <Code title={topicConfigKeys[entry.name]?.summary ?? entry.name} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', display: 'block' }}>
                    {entry.name}
                  </Code>
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {entry.sensitive ? (
                    <Text c="dimmed" size="sm">
                      •••••• (sensitive)
                    </Text>
                  ) : entry.value === null ? (
                    <Text c="dimmed" size="sm">
                      none
                    </Text>
                  ) : (
                    <Text size="sm" span title={readable === entry.value ? undefined : `raw value: ${entry.value}`} data-raw={entry.value}>
                      {readable}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge
                    size="sm"
                    variant={entry.isOverride ? 'filled' : 'light'}
                    color={entry.isOverride ? 'blue' : 'gray'}
                    tt="none"
                    styles={{ root: { maxWidth: '100%', height: 'auto', minHeight: 18 }, label: { whiteSpace: 'normal', overflow: 'visible', textAlign: 'left' } }}
                    title={entry.inherited.length > 0 ? `Otherwise: ${entry.inherited.map((synonym) => `${synonym.value ?? '—'} (${sourceWords[synonym.source] ?? synonym.source})`).join(', ')}` : undefined}
                  >
                    {entry.isOverride ? 'override' : sourceWords[entry.source]}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </>
  );
}
