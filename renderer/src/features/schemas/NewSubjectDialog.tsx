// A new subject: its name, schema type and first schema, checked and registered like any draft.
import { Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { DraftPanel } from './DraftPanel';
import { newSubjectProblem, schemaTemplate } from './schema-text';
import { schemaTypeLabels, type SchemaType } from './subject-list-model';

export function NewSubjectDialog({ profileId, existing, onClose, onRegistered }: { profileId: string; existing: readonly string[]; onClose(): void; onRegistered(subject: string): void }) {
  const [subject, setSubject] = useState('');
  const [type, setType] = useState<SchemaType>('AVRO');
  const nameProblem = newSubjectProblem(subject, existing);
  return (
    <Modal opened onClose={onClose} title="New subject" size="xl" centered>
      <Stack gap="sm">
        <TextInput label="Subject" description="Usually <topic>-value or <topic>-key (TopicNameStrategy)." value={subject} onChange={(event) => setSubject(event.currentTarget.value)} error={subject !== '' ? nameProblem : undefined} data-autofocus />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="new-subject-type">
            Schema type
          </Text>
          <SegmentedControl aria-labelledby="new-subject-type" value={type} onChange={(value) => setType(value as SchemaType)} data={(Object.keys(schemaTypeLabels) as SchemaType[]).map((value) => ({ value, label: schemaTypeLabels[value] }))} />
        </Stack>
        <DraftPanel
          key={type}
          profileId={profileId}
          subject={subject.trim()}
          type={type}
          initialText={schemaTemplate(type)}
          documentKey={`new:${type}`}
          versions={[]}
          references={[]}
          registerDenied={null}
          blocked={nameProblem}
          onRegistered={() => onRegistered(subject.trim())}
        />
      </Stack>
    </Modal>
  );
}
