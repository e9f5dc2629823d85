import { Badge, Button, Group, PasswordInput, Stack, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SecretSlot } from '../../../../shared/domain/profile/secret-slots';

/** Renders the SecretField for a slot of the draft being edited. */
export type SecretFieldFor = (slot: SecretSlot, label: string, multiline?: boolean) => ReactNode;

export interface SecretFieldState {
  /** Whether the keychain holds a value for this slot (from the stored profile's `{slot, state}`). */
  stored: boolean;
  /** True once the user asked to remove the stored value. */
  cleared: boolean;
}

interface SecretFieldProps {
  slot: SecretSlot;
  label: string;
  /** The new value typed in this session; never a stored one (those stay in main). */
  value: string | undefined;
  state: SecretFieldState;
  multiline?: boolean;
  onChange(value: string | undefined): void;
  onClearChange(cleared: boolean): void;
}

/** A secret shows only whether it is set; typing replaces it, Clear removes it on save. */
export function SecretField({ slot, label, value, state, multiline, onChange, onClearChange }: SecretFieldProps) {
  const typed = value !== undefined && value !== '';
  const status = typed ? 'new value' : state.cleared ? 'will be cleared' : state.stored ? 'set' : 'not set';
  const colour = typed ? 'blue' : state.cleared ? 'orange' : state.stored ? 'green' : 'gray';
  const common = {
    label: (
      <Group gap={6} component="span">
        {label}
        <Badge size="xs" variant="light" color={colour} data-testid={`secret-state-${slot}`}>
          {status}
        </Badge>
      </Group>
    ),
    description: state.stored ? 'Stored in the OS keychain. Type a new value to replace it.' : 'Stored in the OS keychain when you save.',
    placeholder: state.stored && !state.cleared ? '•••••• (unchanged)' : undefined,
    value: value ?? '',
    onChange: (event: { currentTarget: { value: string } }) => {
      const next = event.currentTarget.value;
      onChange(next === '' ? undefined : next);
      if (next !== '' && state.cleared) onClearChange(false);
    },
  };
  return (
    <Stack gap={4}>
      {multiline ? <Textarea {...common} autosize minRows={3} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} /> : <PasswordInput {...common} />}
      {state.stored && !typed && (
        <Group>
          <Button size="compact-xs" variant="subtle" color={state.cleared ? 'gray' : 'red'} onClick={() => onClearChange(!state.cleared)}>
            {state.cleared ? `Keep the stored ${label.toLowerCase()}` : `Clear the stored ${label.toLowerCase()}`}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
