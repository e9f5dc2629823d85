// The producer's live check of a JSON value against the chosen registry schema: main encodes it as
// producing would (messages:produce-preview) and lists every problem, so they show before sending.
import { Alert, List, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { ProducePreviewResult, SchemaChoice } from '../../../../shared/domain/messages/produce-request';
import { api, unwrap } from '../../lib/api';
import { schemaTypeLabels } from './subject-list-model';

export function useProducePreview(profileId: string, topic: string, choice: SchemaChoice | null, text: string, enabled: boolean) {
  const [debouncedText] = useDebouncedValue(text, 300);
  const settled = debouncedText === text;
  const query = useQuery({
    queryKey: ['messages:produce-preview', profileId, topic, choice?.subject ?? '', choice?.version ?? 'latest', choice?.messageType ?? '', debouncedText],
    queryFn: () => unwrap(api.invoke['messages:produce-preview']({ profileId, topic, part: 'value', schema: choice!, text: debouncedText })),
    enabled: enabled && choice !== null && debouncedText.trim() !== '',
    staleTime: 10_000,
    retry: false,
  });
  /** The answer for exactly the text now in the box, or undefined while typing or checking. */
  const current = settled && !query.isFetching ? query.data : undefined;
  return { query, current, checking: enabled && choice !== null && text.trim() !== '' && (!settled || query.isFetching) };
}

export function ProducePreviewResultView({ preview, error, checking }: { preview: ProducePreviewResult | undefined; error: Error | null; checking: boolean }) {
  if (error) {
    return (
      <Alert color="red" title="The value could not be checked against the schema" role="alert">
        {error.message}
      </Alert>
    );
  }
  if (checking)
    return (
      <Text size="xs" c="dimmed">
        Checking the value against the schema…
      </Text>
    );
  if (!preview) return null;
  const schema = `${preview.subject}${preview.version !== null ? ` v${preview.version}` : ''} (schema id ${preview.schemaId}, ${schemaTypeLabels[preview.type]}${preview.messageType ? ` ${preview.messageType}` : ''})`;
  if (preview.problems.length > 0) {
    return (
      <Alert color="red" title={`Does not fit ${schema}`} role="alert" data-testid="schema-problems">
        <List size="sm" spacing={2}>
          {preview.problems.map((problem, index) => (
            <List.Item key={index}>{problem}</List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  return (
    <Text size="xs" c="teal" data-testid="schema-preview">
      Fits {schema}: {preview.size} bytes in the Confluent wire format{preview.hexPreview ? `, starting ${preview.hexPreview.slice(0, 32)}` : ''}.
    </Text>
  );
}
