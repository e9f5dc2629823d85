// Sets the registry's global mode (subject null) or one subject's: READWRITE, READONLY (the registry
// refuses new versions) or IMPORT (versions keep the ids they are registered with, for migrations).
// The mode read back from the registry is what shows after.
import { Alert, Button, Checkbox, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { registryModes, type RegistryMode } from '../../../../shared/domain/schemas/schema-schemas';
import { useSchemaChange } from './queries';

const modeWords: Record<RegistryMode, string> = {
  READWRITE: 'Schemas can be registered and deleted (the usual mode).',
  READONLY: 'The registry refuses new versions and deletes.',
  IMPORT: 'Versions are registered with the ids and versions given, for copying another registry.',
};

export function ModeDialog({ profileId, subject, current, onClose }: { profileId: string; subject: string | null; current: string | null; onClose(): void }) {
  const [mode, setMode] = useState<string>(current && (registryModes as readonly string[]).includes(current) ? current : 'READWRITE');
  const [force, setForce] = useState(false);
  const set = useSchemaChange('schemas:set-mode');
  const title = subject === null ? 'Registry mode' : `Mode of ${subject}`;
  return (
    <Modal opened onClose={onClose} title={title} size="lg" centered>
      <Stack gap="sm">
        <Text size="sm">
          {subject === null ? `Applies to every subject without a mode of its own. Now ${current ?? 'not read'}.` : `The mode in effect for the subject is ${current ?? 'not read'}.`}
        </Text>
        <Radio.Group value={mode} onChange={setMode} label="Mode" aria-label="Registry mode">
          <Stack gap={6} mt={4}>
            {registryModes.map((value) => (
              <Radio key={value} value={value} label={value} description={modeWords[value]} data-autofocus={value === mode ? true : undefined} />
            ))}
          </Stack>
        </Radio.Group>
        {mode === 'IMPORT' && (
          <Checkbox checked={force} onChange={(event) => setForce(event.currentTarget.checked)} label="Force IMPORT even though schemas exist (some registries refuse it otherwise)" />
        )}
        {set.error && (
          <Alert color="red" title="The registry refused" role="alert">
            {set.error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={set.isPending} disabled={mode === current} onClick={() => set.mutate({ profileId, subject, mode: mode as RegistryMode, force: mode === 'IMPORT' && force }, { onSuccess: onClose })}>
            Set {mode}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
