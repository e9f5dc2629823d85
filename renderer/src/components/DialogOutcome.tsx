// What a dialog's action did, in words, and the one button that leaves the dialog (focused, so Enter or
// Escape ends it): every write dialog ends this way, only after main said the write is done.
import { Alert, Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

export function DialogOutcome({ title, color = 'green', onDone, doneLabel = 'Close', children, after }: { title: string; color?: string; onDone(): void; doneLabel?: string; children: ReactNode; after?: ReactNode }) {
  return (
    <Stack gap="sm">
      <Alert color={color} role="status" title={title}>
        {children}
      </Alert>
      {after}
      <Group justify="flex-end">
        <Button onClick={onDone} data-autofocus>
          {doneLabel}
        </Button>
      </Group>
    </Stack>
  );
}
