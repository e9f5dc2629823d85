// The producer's choice of the schema to encode a value with: a subject of the profile's registry (the
// topic's `<topic>-value` offered first, as TopicNameStrategy names it) and a version or the latest.
import { Group, Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, unwrap } from '../../lib/api';
import { schemaKeys, useSubjects } from './queries';
import { defaultSubject, subjectChoices, type SchemaChoice } from './producer-schema';

export function SubjectVersionPicker({ profileId, topic, value, onChange }: { profileId: string; topic: string; value: SchemaChoice | null; onChange(choice: SchemaChoice | null): void }) {
  const list = useSubjects(profileId, false);
  const subject = value?.subject ?? null;
  const versions = useQuery({
    queryKey: schemaKeys.subject(profileId, subject ?? '', false),
    queryFn: () => unwrap(api.invoke['schemas:subject']({ profileId, subject: subject ?? '', includeDeleted: false })),
    enabled: subject !== null,
  });
  const choices = subjectChoices(list.data?.subjects ?? [], topic);
  const preselect = value === null && list.data ? defaultSubject(list.data.subjects, topic) : null;
  const preselected = useRef(false);
  // The topic's own `<topic>-value` is what a Confluent serializer would use: start with it once, when it exists.
  useEffect(() => {
    if (!preselect || preselected.current) return;
    preselected.current = true;
    onChange({ subject: preselect, version: 'latest' });
  }, [preselect, onChange]);
  return (
    <Group grow align="flex-start" gap="sm">
      <Select
        label="Subject"
        searchable
        placeholder={list.isPending ? 'Reading subjects…' : 'Choose a subject'}
        nothingFoundMessage="No subject matches"
        data={choices}
        value={subject}
        onChange={(next) => onChange(next ? { subject: next, version: 'latest' } : null)}
        error={list.error ? `The subjects could not be listed: ${list.error.message}` : undefined}
      />
      <Select
        label="Version"
        allowDeselect={false}
        disabled={subject === null}
        data={[{ value: 'latest', label: 'Latest (at send time)' }, ...[...(versions.data?.versions ?? [])].reverse().map((entry) => ({ value: String(entry.version), label: `v${entry.version} · id ${entry.id}` }))]}
        value={value ? String(value.version) : 'latest'}
        onChange={(next) => value && next && onChange({ subject: value.subject, version: next === 'latest' ? 'latest' : Number(next) })}
        error={versions.error?.message}
      />
      {choices.length === 0 && list.data && (
        <Text size="xs" c="dimmed">
          The registry has no subjects to encode with.
        </Text>
      )}
    </Group>
  );
}
