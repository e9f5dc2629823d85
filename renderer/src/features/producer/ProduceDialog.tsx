// "Produce…" on a topic: one message typed here. Stays open after a send so the next one can follow.
import { Checkbox, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { ProduceRequestInput } from '../../../../shared/domain/messages/produce-request';
import { api, unwrap } from '../../lib/api';
import { useStoredProfile } from '../profiles/queries';
import { ProducePreviewResultView, useProducePreview } from '../schemas/ProducePreview';
import { SubjectVersionPicker } from '../schemas/SubjectVersionPicker';
import { DeliveryFields, HeadersEditor, ProduceOutcome } from './ProducerFields';
import { buildProduceRequest, defaultProduceForm, valueProblem, type ProduceForm } from './produce-form';

export function partitionChoices(partitions: number, first: { value: string; label: string }[]) {
  return [...first, ...Array.from({ length: partitions }, (_, partition) => ({ value: String(partition), label: `Partition ${partition}` }))];
}

export function ProduceDialog({ opened, profileId, topic, partitions, onClose }: { opened: boolean; profileId: string; topic: string; partitions: number; onClose(): void }) {
  const [form, setForm] = useState<ProduceForm>(defaultProduceForm);
  const [formError, setFormError] = useState<string | null>(null);
  const client = useQueryClient();
  const produce = useMutation({
    mutationFn: (request: ProduceRequestInput) => unwrap(api.invoke['messages:produce'](request)),
    onSuccess: () => client.invalidateQueries({ queryKey: ['topics:detail'] }),
  });
  function update(changes: Partial<ProduceForm>) {
    setForm((current) => ({ ...current, ...changes }));
    setFormError(null);
  }
  const hasRegistry = useStoredProfile(profileId).data?.schemaRegistry != null;
  const withSchema = form.valueFormat === 'schema';
  const jsonProblem = form.value === '' ? null : valueProblem({ ...form, valueSchema: form.valueSchema ?? { subject: '-', version: 'latest' } });
  const preview = useProducePreview(profileId, topic, form.valueSchema, form.value, opened && withSchema && jsonProblem === null);
  const chooseSchema = useCallback((valueSchema: ProduceForm['valueSchema']) => update({ valueSchema }), []);
  const submit = () => {
    const built = buildProduceRequest(profileId, topic, form);
    if (!built.ok) return setFormError(built.error);
    // Main would refuse with the same problems; saying so here keeps the record from even being tried.
    if (withSchema && preview.current && preview.current.problems.length > 0) return setFormError(`The value does not fit the schema: ${preview.current.problems.join(' ')}`);
    produce.mutate(built.request);
  };
  const close = () => {
    produce.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={`Produce to ${topic}`} size="lg">
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput label="Key" value={form.key} disabled={!form.withKey} placeholder={form.withKey ? '' : 'no key (null)'} onChange={(event) => update({ key: event.currentTarget.value })} style={{ flex: 1 }} data-autofocus />
          <Checkbox label="With key" checked={form.withKey} onChange={(event) => update({ withKey: event.currentTarget.checked })} mb={8} />
        </Group>
        <Stack gap={4}>
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              Value
            </Text>
            <SegmentedControl
              size="xs"
              aria-label="Value format"
              value={form.valueFormat}
              onChange={(value) => update({ valueFormat: value as ProduceForm['valueFormat'] })}
              data={[
                { value: 'text', label: 'Text' },
                { value: 'json', label: 'JSON' },
                ...(hasRegistry ? [{ value: 'schema', label: 'Schema Registry' }] : []),
              ]}
            />
          </Group>
          {withSchema && <SubjectVersionPicker profileId={profileId} topic={topic} value={form.valueSchema} onChange={chooseSchema} />}
          <Textarea aria-label="Value" autosize minRows={4} maxRows={16} value={form.value} onChange={(event) => update({ value: event.currentTarget.value })} error={jsonProblem} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} />
          {withSchema ? (
            <ProducePreviewResultView preview={preview.current} error={preview.query.error} checking={preview.checking} />
          ) : (
            <Text size="xs" c="dimmed">
              Written as UTF-8 text, exactly as typed.{hasRegistry ? ' Choose Schema Registry to encode a JSON value with a subject’s schema (Avro, Protobuf, JSON Schema).' : ''}
            </Text>
          )}
        </Stack>
        <HeadersEditor headers={form.headers} onChange={(headers) => update({ headers })} />
        <Select
          label="Partition"
          data={partitionChoices(partitions, [{ value: 'key', label: 'From the key (default partitioner)' }])}
          value={form.partition}
          onChange={(value) => value && update({ partition: value })}
          allowDeselect={false}
        />
        <DeliveryFields delivery={form} onChange={update} />
        <ProduceOutcome formProblem={formError} sending={produce} verb="Produce" onSubmit={submit} onClose={close} />
      </Stack>
    </Modal>
  );
}
