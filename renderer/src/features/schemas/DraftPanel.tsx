// An edited draft: checked against the subject's latest, one or every version with the registry's
// reasons shown in place, then registered as the next version. The result of a check belongs to the
// exact text checked: after an edit it is marked as stale rather than shown as if it still held.
import { Alert, Button, Group, List, Select, Stack, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { SchemaDraftEditor } from './lazy-schema-code';
import { useCheckCompatibility, useSchemaChange } from './queries';
import { draftProblem, refusalReasons, sameSchema, schemaLanguage, type ReferenceView } from './schema-text';
import type { SchemaType } from './subject-list-model';

type Against = 'latest' | 'all' | number;

export interface DraftPanelProps {
  profileId: string;
  /** Empty while a new subject's name is still being typed. */
  subject: string;
  type: SchemaType;
  /** The text the editor starts from (the version it is based on, pretty-printed). */
  initialText: string;
  documentKey: string;
  /** Live versions to check against one by one; empty for a new subject. */
  versions: readonly number[];
  references: readonly ReferenceView[];
  /** Why registering is not allowed; checking is reading and stays available. */
  registerDenied: string | null;
  /** A problem outside the draft (e.g. the new subject's name) that stops checking and registering. */
  blocked?: string | null;
  onRegistered(result: ChannelOutput<'schemas:register'>): void;
}

export function DraftPanel({ profileId, subject, type, initialText, documentKey, versions, references, registerDenied, blocked = null, onRegistered }: DraftPanelProps) {
  const [text, setText] = useState(initialText);
  const [against, setAgainst] = useState<Against>('latest');
  const check = useCheckCompatibility();
  const register = useSchemaChange('schemas:register');
  const [checkedText, setCheckedText] = useState<string | null>(null);
  const problem = blocked ?? draftProblem(type, text);
  const unchanged = versions.length > 0 && sameSchema(type, text, initialText);
  const draft = { profileId, subject, type, schema: text, references: references.map(({ name, subject: target, version }) => ({ name, subject: target, version })) };
  const stale = check.data !== undefined && checkedText !== text;
  const registerReasons = refusalReasons(register.error);
  const edit = (next: string) => {
    setText(next);
    register.reset();
  };

  return (
    <Stack gap="sm">
      <SchemaDraftEditor documentKey={documentKey} initialText={initialText} language={schemaLanguage(type)} onChange={edit} />
      {problem && (
        <Text size="sm" c="red" role="alert" data-testid="draft-problem">
          {problem}
        </Text>
      )}
      {references.length > 0 && (
        <Text size="xs" c="dimmed">
          Registered with the references of the version it is based on: {references.map((reference) => `${reference.name} → ${reference.subject} v${reference.version}`).join(', ')}.
        </Text>
      )}
      <Group gap="xs" align="flex-end">
        {versions.length > 0 && (
          <Select
            label="Check against"
            size="xs"
            w={200}
            allowDeselect={false}
            value={String(against)}
            onChange={(value) => value && setAgainst(value === 'latest' || value === 'all' ? value : Number(value))}
            data={[{ value: 'latest', label: 'The latest version' }, { value: 'all', label: 'Every version' }, ...[...versions].reverse().map((version) => ({ value: String(version), label: `Version ${version}` }))]}
          />
        )}
        <Button
          size="xs"
          variant="light"
          disabled={problem !== null}
          loading={check.isPending}
          onClick={() => {
            setCheckedText(text);
            check.mutate({ ...draft, against });
          }}
        >
          Check compatibility
        </Button>
        <Tooltip label={registerDenied ?? (unchanged ? 'The draft is the same schema as the version it is based on.' : '')} disabled={registerDenied === null && !unchanged}>
          <Button size="xs" disabled={problem !== null || registerDenied !== null || unchanged} loading={register.isPending} onClick={() => register.mutate(draft, { onSuccess: onRegistered })}>
            Register as {versions.length === 0 ? 'a new subject' : 'the next version'}
          </Button>
        </Tooltip>
      </Group>
      {check.error && (
        <Alert color="red" title="The check could not run" role="alert">
          {check.error.message}
        </Alert>
      )}
      {check.data && (
        <Alert
          color={stale ? 'gray' : check.data.compatible ? 'teal' : 'red'}
          title={check.data.compatible ? (check.data.subjectExists ? 'Compatible' : 'Compatible: the subject does not exist yet, so there is nothing to break') : 'Not compatible'}
          role="status"
          data-testid="compatibility-result"
        >
          <Stack gap={4}>
            {stale && <Text size="sm">The draft changed since this check; check again.</Text>}
            {check.data.messages.length > 0 ? (
              <List size="sm" spacing={2} data-testid="compatibility-reasons">
                {check.data.messages.map((message, index) => (
                  <List.Item key={index} style={{ wordBreak: 'break-word' }}>
                    {message}
                  </List.Item>
                ))}
              </List>
            ) : (
              !check.data.compatible && <Text size="sm">The registry gave no reasons. Registering would be refused, and the refusal may name the difference.</Text>
            )}
          </Stack>
        </Alert>
      )}
      {register.data && (
        <Alert color="teal" title="Registered" role="status" data-testid="register-result">
          {register.data.alreadyRegistered ? `The registry already had this schema${register.data.version !== null ? ` as version ${register.data.version}` : ''} (id ${register.data.id}); nothing new was registered.` : `Registered${register.data.version !== null ? ` as version ${register.data.version}` : ''} with schema id ${register.data.id}.`}
        </Alert>
      )}
      {register.error && (
        <Alert color="red" title="Not registered" role="alert" data-testid="register-refusal">
          <Stack gap={4}>
            <Text size="sm">{register.error.message}</Text>
            {registerReasons.length > 0 && (
              <List size="sm" spacing={2}>
                {registerReasons.map((reason, index) => (
                  <List.Item key={index}>{reason}</List.Item>
                ))}
              </List>
            )}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
