// The CodeMirror schema views, fetched the first time a schema is shown: the start-up bundle carries
// neither them nor @codemirror/merge and the JSON/Protobuf languages.
import { Group, Loader, Text } from '@mantine/core';
import { lazy, Suspense, type ComponentProps } from 'react';

const code = () => import('./SchemaCode');
const LazyViewer = lazy(() => code().then((module) => ({ default: module.SchemaViewer })));
const LazyDraftEditor = lazy(() => code().then((module) => ({ default: module.SchemaDraftEditor })));
const LazyDiff = lazy(() => code().then((module) => ({ default: module.VersionDiff })));

function Loading() {
  return (
    <Group gap={6}>
      <Loader size="xs" />
      <Text size="sm" c="dimmed">
        Loading the schema view…
      </Text>
    </Group>
  );
}

export function SchemaViewer(props: ComponentProps<typeof LazyViewer>) {
  return (
    <Suspense fallback={<Loading />}>
      <LazyViewer {...props} />
    </Suspense>
  );
}

export function SchemaDraftEditor(props: ComponentProps<typeof LazyDraftEditor>) {
  return (
    <Suspense fallback={<Loading />}>
      <LazyDraftEditor {...props} />
    </Suspense>
  );
}

export function VersionDiff(props: ComponentProps<typeof LazyDiff>) {
  return (
    <Suspense fallback={<Loading />}>
      <LazyDiff {...props} />
    </Suspense>
  );
}
