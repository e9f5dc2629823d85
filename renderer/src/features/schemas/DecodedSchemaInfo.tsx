// Beside a decoded key or value in the message detail: the schema that decoded it, or why it shows
// the raw bytes (the schema could not be fetched, or the bytes do not match it).
import { Alert, Badge, Group, List, Text } from '@mantine/core';
import { decodedSchemaView, type PayloadSchemaInfo } from './decoded-schema';

export function DecodedSchemaBadges({ schema }: { schema: PayloadSchemaInfo }) {
  const view = decodedSchemaView(schema);
  return (
    <Group gap={4} wrap="nowrap" data-testid="decoded-schema">
      <Badge size="sm" variant="light" color={view.problem ? 'orange' : undefined} title="Confluent wire format: magic byte 0 and a 4-byte schema id">
        {view.id}
      </Badge>
      {view.subjectVersion && (
        <Badge size="sm" variant="outline" tt="none">
          {view.subjectVersion}
        </Badge>
      )}
      {view.type && (
        <Badge size="sm" variant="outline" color="gray" tt="none">
          {view.type}
        </Badge>
      )}
    </Group>
  );
}

export function DecodedSchemaProblems({ schema, part }: { schema: PayloadSchemaInfo; part: string }) {
  const view = decodedSchemaView(schema);
  return (
    <>
      {view.problem && (
        <Alert color="orange" title={`The ${part.toLowerCase()} is shown as raw bytes`} role="status" data-testid="decode-problem">
          <Text size="sm">{view.problem}</Text>
        </Alert>
      )}
      {view.validationErrors.length > 0 && (
        <Alert color="yellow" title={`The ${part.toLowerCase()} does not validate against its JSON Schema`} role="status">
          <List size="sm" spacing={2}>
            {view.validationErrors.map((error, index) => (
              <List.Item key={index}>{error}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </>
  );
}
