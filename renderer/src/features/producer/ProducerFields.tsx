// Fields every producer dialog shares: the headers editor, the delivery options and the outcome with the buttons.
import { ActionIcon, Alert, Button, Checkbox, Group, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { ackModes, compressionTypes, type AckMode, type CompressionType } from '../../../../shared/domain/messages/produce-request';
import type { ProduceResult } from '../../../../shared/domain/messages/produce-request';
import { deliveryProblem, describeProduced, type DeliveryForm, type HeaderRow } from './produce-form';

let nextHeaderId = 1;

export function HeadersEditor({ headers, onChange, disabled = false, label = 'Headers' }: { headers: HeaderRow[]; onChange(headers: HeaderRow[]): void; disabled?: boolean; label?: string }) {
  const update = (id: number, changes: Partial<HeaderRow>) => onChange(headers.map((header) => (header.id === id ? { ...header, ...changes } : header)));
  return (
    <Stack gap={6} role="group" aria-label={label}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Button size="compact-xs" variant="subtle" disabled={disabled} onClick={() => onChange([...headers, { id: nextHeaderId++, key: '', value: '' }])}>
          Add header
        </Button>
      </Group>
      {headers.map((header, index) => (
        <Group key={header.id} gap={6} wrap="nowrap">
          <TextInput size="xs" placeholder="name" aria-label={`Header ${index + 1} name`} value={header.key} disabled={disabled} onChange={(event) => update(header.id, { key: event.currentTarget.value })} style={{ flex: 1 }} />
          <TextInput size="xs" placeholder="value" aria-label={`Header ${index + 1} value`} value={header.value} disabled={disabled} onChange={(event) => update(header.id, { value: event.currentTarget.value })} style={{ flex: 2 }} />
          <ActionIcon variant="subtle" color="gray" aria-label={`Remove header ${index + 1}`} disabled={disabled} onClick={() => onChange(headers.filter((entry) => entry.id !== header.id))}>
            ×
          </ActionIcon>
        </Group>
      ))}
    </Stack>
  );
}

const ackWords: Record<AckMode, string> = { all: 'all in-sync replicas', leader: 'leader only', none: 'none (fire and forget)' };

export function DeliveryFields({ delivery, onChange, disabled = false }: { delivery: DeliveryForm; onChange(changes: Partial<DeliveryForm>): void; disabled?: boolean }) {
  const problem = deliveryProblem(delivery);
  return (
    <Stack gap={6}>
      <Group grow align="flex-start">
        <Select
          label="Compression"
          data={compressionTypes.map((value) => ({ value, label: value }))}
          value={delivery.compression}
          onChange={(value) => value && onChange({ compression: value as CompressionType })}
          allowDeselect={false}
          disabled={disabled}
        />
        <Select label="Acks" data={ackModes.map((value) => ({ value, label: ackWords[value] }))} value={delivery.acks} onChange={(value) => value && onChange({ acks: value as AckMode })} allowDeselect={false} disabled={disabled} />
      </Group>
      <Tooltip label="Retries cannot duplicate or reorder records; needs acks from all in-sync replicas." multiline w={280}>
        <Checkbox label="Idempotent" checked={delivery.idempotent} onChange={(event) => onChange({ idempotent: event.currentTarget.checked })} disabled={disabled} w="fit-content" />
      </Tooltip>
      {problem && (
        <Text size="sm" c="red" role="alert">
          {problem}
        </Text>
      )}
    </Stack>
  );
}

interface OutcomeProps {
  /** Why the form cannot be sent yet, checked before anything reaches main. */
  formProblem: string | null;
  sending: { isPending: boolean; error: Error | null; data: ProduceResult | undefined };
  /** "Produce" or "Re-produce": the button, and "Produced" / "Not produced" in the outcome. */
  verb: 'Produce' | 'Re-produce';
  onSubmit(): void;
  onClose(): void;
}

/** The form's problem, main's refusal or where the record landed, then Close and the send button. */
export function ProduceOutcome({ formProblem, sending, verb, onSubmit, onClose }: OutcomeProps) {
  return (
    <>
      {formProblem && (
        <Alert color="red" role="alert">
          {formProblem}
        </Alert>
      )}
      {sending.error && (
        <Alert color="red" title={`Not ${verb.toLowerCase()}d`} role="alert">
          {sending.error.message}
        </Alert>
      )}
      {sending.data && !sending.isPending && (
        <Alert color="teal" title={`${verb}d`} role="status">
          {describeProduced(sending.data)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Close
        </Button>
        <Button onClick={onSubmit} loading={sending.isPending}>
          {verb}
        </Button>
      </Group>
    </>
  );
}
