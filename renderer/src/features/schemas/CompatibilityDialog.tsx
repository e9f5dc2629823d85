// Changes the global compatibility level (subject null) or one subject's, or removes a subject's own
// level so the global one applies again. The level read back from the registry is what shows after.
import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { compatibilityLevels, type CompatibilityLevel } from '../../../../shared/domain/schemas/schema-schemas';
import { useSchemaChange } from './queries';
import { compatibilityWords } from './subject-list-model';

export function CompatibilityDialog({ profileId, subject, current, override, globalLevel, onClose }: { profileId: string; subject: string | null; current: string | null; override: boolean; globalLevel?: string | null; onClose(): void }) {
  const [level, setLevel] = useState<string>(current ?? 'BACKWARD');
  const set = useSchemaChange('schemas:set-compatibility');
  const remove = useSchemaChange('schemas:delete-compatibility');
  const error = set.error ?? remove.error;
  const title = subject === null ? 'Global compatibility' : `Compatibility of ${subject}`;
  return (
    <Modal opened onClose={onClose} title={title} size="lg" centered>
      <Stack gap="sm">
        <Text size="sm">
          {subject === null
            ? `Applies to every subject without its own level. Now ${current ?? 'not read'}.`
            : override
              ? `The subject has its own level, ${current}. The global level is ${globalLevel ?? 'not read'}.`
              : `The subject follows the global level, ${current ?? 'not read'}. Choosing a level gives it its own.`}
        </Text>
        <Radio.Group value={level} onChange={setLevel} label="Level" aria-label="Compatibility level">
          <Stack gap={6} mt={4}>
            {compatibilityLevels.map((value) => (
              <Radio key={value} value={value} label={value} description={compatibilityWords[value]} data-autofocus={value === level ? true : undefined} />
            ))}
          </Stack>
        </Radio.Group>
        {error && (
          <Alert color="red" title="The registry refused" role="alert">
            {error.message}
          </Alert>
        )}
        <Group justify="space-between">
          <div>
            {subject !== null && override && (
              <Button variant="subtle" color="orange" loading={remove.isPending} onClick={() => remove.mutate({ profileId, subject }, { onSuccess: onClose })}>
                Use the global level again
              </Button>
            )}
          </div>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button loading={set.isPending} disabled={level === current && (subject === null || override)} onClick={() => set.mutate({ profileId, subject, level: level as CompatibilityLevel }, { onSuccess: onClose })}>
              Set {level}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
