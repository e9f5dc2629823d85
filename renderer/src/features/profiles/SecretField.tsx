import { Badge, Button, FileInput, Group, PasswordInput, Stack, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { bytesToBase64 } from '../../../../shared/domain/decoders/binary';
import type { SecretSlot } from '../../../../shared/domain/profile/secret-slots';

/** Renders the SecretField for a slot of the draft being edited. */
export type SecretFieldFor = (slot: SecretSlot, label: string, multiline?: boolean) => ReactNode;

/** Renders the KeychainStoreField for a keystore or truststore slot of the draft being edited. */
export type KeychainStoreFieldFor = (slot: SecretSlot, label: string) => ReactNode;

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
      {state.stored && !typed && <ClearStoredToggle label={label} cleared={state.cleared} onClearChange={onClearChange} />}
    </Stack>
  );
}

interface KeychainStoreFieldProps {
  slot: SecretSlot;
  label: string;
  /** The store chosen in this session, as base64; never a stored one (those stay in main). */
  value: string | undefined;
  state: SecretFieldState;
  onChange(value: string | undefined): void;
  onClearChange(cleared: boolean): void;
}

/** A PKCS12 or JKS file read here and kept in the keychain as base64 on save; shows only whether it is set. */
export function KeychainStoreField({ slot, label, value, state, onChange, onClearChange }: KeychainStoreFieldProps) {
  const [file, setFile] = useState<File | null>(null);
  const [readError, setReadError] = useState<string>();
  const chosen = value !== undefined && value !== '';
  const status = chosen ? 'new file' : state.cleared ? 'will be cleared' : state.stored ? 'set' : 'not set';
  const colour = chosen ? 'blue' : state.cleared ? 'orange' : state.stored ? 'green' : 'gray';
  const choose = async (next: File | null) => {
    setFile(next);
    setReadError(undefined);
    if (!next) return onChange(undefined);
    try {
      onChange(bytesToBase64(new Uint8Array(await next.arrayBuffer())));
      if (state.cleared) onClearChange(false);
    } catch (error) {
      setReadError(`The file cannot be read: ${(error as Error).message}`);
      onChange(undefined);
    }
  };
  return (
    <Stack gap={4}>
      <FileInput
        label={
          <Group gap={6} component="span">
            {label}
            <Badge size="xs" variant="light" color={colour} data-testid={`secret-state-${slot}`}>
              {status}
            </Badge>
          </Group>
        }
        description={state.stored ? 'Imported into the OS keychain. Choose a file to replace it.' : 'Its contents are stored in the OS keychain when you save; the file is not needed afterwards.'}
        placeholder={state.stored && !state.cleared ? 'Stored (unchanged)' : 'Choose a .p12, .pfx or .jks file'}
        accept=".p12,.pfx,.jks,.keystore,.truststore"
        clearable
        value={file}
        error={readError}
        onChange={(next) => void choose(next)}
      />
      {state.stored && !chosen && <ClearStoredToggle label={label} cleared={state.cleared} onClearChange={onClearChange} />}
    </Stack>
  );
}

/** Offered while the keychain holds a value and nothing new is entered: clear it on save, or keep it after all. */
function ClearStoredToggle({ label, cleared, onClearChange }: { label: string; cleared: boolean; onClearChange(cleared: boolean): void }) {
  return (
    <Group>
      <Button size="compact-xs" variant="subtle" color={cleared ? 'gray' : 'red'} onClick={() => onClearChange(!cleared)}>
        {cleared ? `Keep the stored ${label.toLowerCase()}` : `Clear the stored ${label.toLowerCase()}`}
      </Button>
    </Group>
  );
}
