// "Re-produce…" in the message detail: main copies the stored message (its exact bytes) to a topic.
import { Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReproduceRequestInput } from '../../../../shared/domain/messages/produce-request';
import { api, unwrap } from '../../lib/api';
import { useStoredProfile } from '../profiles/queries';
import { useTopicDecisions } from '../tenancy/queries';
import { topicPermissions } from '../topics/topic-permissions';
import { DeliveryFields, HeadersEditor, ProduceOutcome } from './ProducerFields';
import { buildReproduceRequest, defaultReproduceForm, type ReproduceForm } from './produce-form';

interface Source {
  topic: string;
  partition: number;
  offset: string;
}

/** The button for the message detail; disabled with the reason when the profile may not produce or main's guards would refuse reading the source. */
export function ReproduceButton({ profileId, source }: { profileId: string; source: Source }) {
  const profile = useStoredProfile(profileId);
  const denied = topicPermissions(profile.data, useTopicDecisions(profileId, source.topic))('produce', 'messages:reproduce');
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Tooltip label={denied} disabled={denied === null}>
        <Button size="xs" variant="light" disabled={denied !== null} onClick={() => setOpened(true)} w="fit-content">
          Re-produce…
        </Button>
      </Tooltip>
      {opened && <ReproduceDialog profileId={profileId} source={source} onClose={() => setOpened(false)} />}
    </>
  );
}

function ReproduceDialog({ profileId, source, onClose }: { profileId: string; source: Source; onClose(): void }) {
  const [form, setForm] = useState<ReproduceForm>(() => defaultReproduceForm(source.topic));
  const [formError, setFormError] = useState<string | null>(null);
  const client = useQueryClient();
  const reproduce = useMutation({
    mutationFn: (request: ReproduceRequestInput) => unwrap(api.invoke['messages:reproduce'](request)),
    onSuccess: () => client.invalidateQueries({ queryKey: ['topics:detail'] }),
  });
  const update = (changes: Partial<ReproduceForm>) => {
    setForm((current) => ({ ...current, ...changes }));
    setFormError(null);
  };
  const submit = () => {
    const built = buildReproduceRequest(profileId, source, form);
    if (!built.ok) return setFormError(built.error);
    reproduce.mutate(built.request);
  };

  return (
    <Modal opened onClose={onClose} title={`Re-produce message ${source.partition}:${source.offset}`} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Key, value and headers are copied byte for byte from the stored message.
        </Text>
        <TextInput label="Target topic" value={form.targetTopic} onChange={(event) => update({ targetTopic: event.currentTarget.value })} data-autofocus />
        <Group grow align="flex-start">
          <Select
            label="Partition"
            data={[
              { value: 'same', label: `Same number (${source.partition})` },
              { value: 'key', label: 'From the key (default partitioner)' },
              { value: 'number', label: 'This partition…' },
            ]}
            value={form.partition === 'same' || form.partition === 'key' ? form.partition : 'number'}
            onChange={(value) => value && update({ partition: value === 'number' ? '0' : value })}
            allowDeselect={false}
          />
          {form.partition !== 'same' && form.partition !== 'key' && <TextInput label="Partition number" value={form.partition} onChange={(event) => update({ partition: event.currentTarget.value.trim() })} />}
        </Group>
        <Checkbox label="Keep the original timestamp" checked={form.keepTimestamp} onChange={(event) => update({ keepTimestamp: event.currentTarget.checked })} />
        <HeadersEditor label="Extra or replacing headers" headers={form.headers} onChange={(headers) => update({ headers })} />
        <DeliveryFields delivery={form} onChange={update} />
        <ProduceOutcome formProblem={formError} sending={reproduce} verb="Re-produce" onSubmit={submit} onClose={onClose} />
      </Stack>
    </Modal>
  );
}
