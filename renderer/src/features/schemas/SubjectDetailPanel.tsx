// One subject: its versions, the chosen version's schema (pretty-printed, highlighted, references
// linked), a side-by-side diff of any two versions, and a draft to check and register. Escape closes.
import { Alert, Anchor, Badge, Button, CloseButton, Group, Loader, Paper, ScrollArea, Select, Stack, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import type { SchemaVersionView, SubjectDetail } from '../../../../shared/domain/schemas/schema-schemas';
import { CompatibilityDialog } from './CompatibilityDialog';
import { ModeDialog } from './ModeDialog';
import { DeleteSchemaDialog } from './DeleteSchemaDialog';
import { DraftPanel } from './DraftPanel';
import { SchemaViewer, VersionDiff } from './lazy-schema-code';
import { useSchemaVersion, useSubjectDetail } from './queries';
import type { SchemaPermissions } from './schema-permissions';
import { defaultDiffPair, prettySchema, referenceLabel, schemaLanguage } from './schema-text';
import { schemaTypeLabels } from './subject-list-model';

type Tab = 'schema' | 'diff' | 'draft';

export interface SubjectDetailProps {
  profileId: string;
  subject: string;
  /** Opened from a reference link: that version first. */
  initialVersion?: number | null;
  includeDeleted: boolean;
  /** The list shows the subject as soft-deleted: a hard delete stays possible even if its versions cannot be read. */
  listedDeleted?: boolean;
  denied: SchemaPermissions;
  onOpenReference(subject: string, version: number): void;
  onClose(): void;
  onDeleted(): void;
}

export function SubjectDetailPanel({ profileId, subject, initialVersion = null, includeDeleted, listedDeleted = false, denied, onOpenReference, onClose, onDeleted }: SubjectDetailProps) {
  const detail = useSubjectDetail(profileId, subject, includeDeleted);
  const [tab, setTab] = useState<Tab>('schema');
  const [chosen, setChosen] = useState<number | null>(initialVersion);
  const [dialog, setDialog] = useState<'compatibility' | 'mode' | 'delete' | null>(null);
  const versions = detail.data?.versions ?? [];
  const live = versions.filter((entry) => !entry.deleted);
  // The version shown: the one chosen, else the newest live one, else the newest at all.
  const shownVersion = chosen !== null && versions.some((entry) => entry.version === chosen) ? chosen : (live.at(-1)?.version ?? versions.at(-1)?.version ?? null);
  const shown = useSchemaVersion(profileId, subject, shownVersion, includeDeleted);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Escape inside a dialog or the editor belongs to them (closing the dialog, leaving the editor).
    const target = event.target as HTMLElement;
    if (event.key !== 'Escape' || event.defaultPrevented || target.closest('[role="dialog"], .cm-editor')) return;
    event.preventDefault();
    onClose();
  };

  const action = (label: string, opens: 'compatibility' | 'mode' | 'delete', reason: string | null, color?: string) => (
    <Tooltip label={reason} disabled={reason === null}>
      <Button size="xs" variant="light" color={color} disabled={reason !== null || !detail.data} onClick={() => setDialog(opens)}>
        {label}
      </Button>
    </Tooltip>
  );

  return (
    <Paper withBorder p="sm" w="58%" miw={520} role="region" aria-label={`Subject ${subject}`} onKeyDown={onKeyDown} style={{ flexShrink: 0, display: 'flex', flexDirection: 'column', minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap">
        <Title order={3} size="h5" style={{ wordBreak: 'break-all' }}>
          {subject}
        </Title>
        <CloseButton aria-label="Close subject detail" onClick={onClose} />
      </Group>
      {detail.isPending && <Loader size="sm" aria-label="Loading subject" />}
      {detail.error && (
        <Alert color="red" title="The subject could not be read" role="alert">
          {detail.error.message}
        </Alert>
      )}
      {detail.error && listedDeleted && (
        // Some registries (Apicurio) list a soft-deleted subject's versions but serve none of them.
        <Group gap={6} my="xs">
          <Text size="sm">The list shows this subject as soft-deleted; it can still be deleted for good.</Text>
          <Tooltip label={denied('delete')} disabled={denied('delete') === null}>
            <Button size="xs" variant="light" color="red" disabled={denied('delete') !== null} onClick={() => setDialog('delete')}>
              Delete…
            </Button>
          </Tooltip>
        </Group>
      )}
      {detail.error && listedDeleted && dialog === 'delete' && (
        <DeleteSchemaDialog
          profileId={profileId}
          target={{ subject, version: null, versionDeleted: false, subjectDeleted: true, liveVersions: 0 }}
          onClose={() => setDialog(null)}
          onDeleted={() => {
            setDialog(null);
            onDeleted();
          }}
        />
      )}
      {detail.data && (
        <>
          <SubjectFacts detail={detail.data} />
          <Group gap={6} my="xs">
            {action('Compatibility…', 'compatibility', denied('change-compatibility'))}
            {action('Mode…', 'mode', denied('change-mode') ?? (detail.data && detail.data.mode === null ? 'The registry has no mode endpoint.' : null))}
            {action('Delete…', 'delete', denied('delete'), 'red')}
          </Group>
          <Tabs value={tab} onChange={(value) => value && setTab(value as Tab)} style={{ display: 'flex', flexDirection: 'column', minHeight: 0, flex: 1 }} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="schema">Schema</Tabs.Tab>
              <Tabs.Tab value="diff" disabled={versions.length < 2}>
                Diff
              </Tabs.Tab>
              <Tabs.Tab value="draft">New version</Tabs.Tab>
            </Tabs.List>
            <ScrollArea style={{ flex: 1 }} pt="xs">
              <Tabs.Panel value="schema">
                <Stack gap="xs">
                  <VersionSelect label="Version" detail={detail.data} value={shownVersion} onChange={setChosen} />
                  {shown.error && (
                    <Alert color="red" title="The schema could not be read" role="alert">
                      {shown.error.message}
                    </Alert>
                  )}
                  {shown.isPending && shownVersion !== null && <Loader size="xs" aria-label="Loading schema" />}
                  {shown.data && <VersionView version={shown.data} onOpenReference={onOpenReference} />}
                </Stack>
              </Tabs.Panel>
              <Tabs.Panel value="diff">{versions.length >= 2 && <DiffTab profileId={profileId} detail={detail.data} shown={shownVersion} includeDeleted={includeDeleted} />}</Tabs.Panel>
              <Tabs.Panel value="draft">
                {shown.data ? (
                  <Stack gap="xs">
                    <Text size="sm" c="dimmed">
                      Starts from version {shown.data.version}. Check it against the registry before registering; the reasons appear here.
                    </Text>
                    <DraftPanel
                      profileId={profileId}
                      subject={subject}
                      type={shown.data.type}
                      initialText={prettySchema(shown.data.type, shown.data.schema).text}
                      documentKey={`${subject}:${shown.data.version}`}
                      versions={live.map((entry) => entry.version)}
                      references={shown.data.references}
                      registerDenied={denied('register-version')}
                      onRegistered={() => undefined}
                    />
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    Loading the version the draft starts from…
                  </Text>
                )}
              </Tabs.Panel>
            </ScrollArea>
          </Tabs>
          {dialog === 'mode' && <ModeDialog profileId={profileId} subject={subject} current={detail.data.mode} onClose={() => setDialog(null)} />}
          {dialog === 'compatibility' && <CompatibilityDialog profileId={profileId} subject={subject} current={detail.data.compatibility} override={detail.data.compatibilityOverride} globalLevel={detail.data.globalCompatibility} onClose={() => setDialog(null)} />}
          {dialog === 'delete' && (
            <DeleteSchemaDialog
              profileId={profileId}
              target={{ subject, version: shownVersion, versionDeleted: versions.find((entry) => entry.version === shownVersion)?.deleted ?? false, subjectDeleted: versions.length > 0 && live.length === 0, liveVersions: live.length }}
              onClose={() => setDialog(null)}
              onDeleted={(whole) => {
                setDialog(null);
                if (whole && !includeDeleted) onDeleted();
                else setChosen(null);
              }}
            />
          )}
        </>
      )}
    </Paper>
  );
}

function SubjectFacts({ detail }: { detail: SubjectDetail }) {
  const live = detail.versions.filter((entry) => !entry.deleted).length;
  const deleted = detail.versions.length - live;
  return (
    <Group gap="xs" mt={4} data-testid="subject-facts">
      <Badge variant="light">{detail.versions.length > 0 ? schemaTypeLabels[detail.versions.at(-1)!.type] : 'no versions'}</Badge>
      <Text size="sm">
        {live} version{live === 1 ? '' : 's'}
        {deleted > 0 ? `, ${deleted} soft-deleted` : ''}
      </Text>
      <Text size="sm" c="dimmed">
        ·
      </Text>
      <Text size="sm" title={detail.compatibilityOverride ? 'The subject’s own level' : 'Follows the global level'}>
        Compatibility {detail.compatibility ?? 'not read'} {detail.compatibilityOverride ? '(own level)' : '(global)'}
      </Text>
      {detail.mode && (
        <Text size="sm" c="dimmed">
          · mode {detail.mode}
        </Text>
      )}
    </Group>
  );
}

function VersionSelect({ label, detail, value, onChange }: { label: string; detail: SubjectDetail; value: number | null; onChange(version: number): void }) {
  return (
    <Select
      label={label}
      size="xs"
      w={260}
      allowDeselect={false}
      value={value === null ? null : String(value)}
      onChange={(next) => next && onChange(Number(next))}
      data={[...detail.versions].reverse().map((entry) => ({ value: String(entry.version), label: `v${entry.version} · id ${entry.id}${entry.deleted ? ' · soft-deleted' : ''}` }))}
    />
  );
}

function VersionView({ version, onOpenReference }: { version: SchemaVersionView; onOpenReference(subject: string, version: number): void }) {
  const pretty = prettySchema(version.type, version.schema);
  return (
    <Stack gap="xs">
      <Group gap="xs" data-testid="version-facts">
        <Badge variant="outline">schema id {version.id}</Badge>
        <Badge variant="light">{schemaTypeLabels[version.type]}</Badge>
        {version.deleted && (
          <Badge variant="light" color="orange">
            soft-deleted
          </Badge>
        )}
      </Group>
      {!pretty.parsed && <Alert color="yellow">The registry returned this {schemaTypeLabels[version.type]} schema as text that is not JSON; it is shown as it came.</Alert>}
      {version.references.length > 0 && (
        <Stack gap={2}>
          <Text size="sm" fw={500} id="schema-references">
            References
          </Text>
          <Stack gap={2} component="ul" aria-labelledby="schema-references" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {version.references.map((reference) => (
              <li key={reference.name}>
                <Anchor component="button" type="button" size="sm" ta="left" onClick={() => onOpenReference(reference.subject, reference.version)}>
                  {referenceLabel(reference)}
                </Anchor>
              </li>
            ))}
          </Stack>
        </Stack>
      )}
      {version.referencedBy.length > 0 && (
        <Text size="sm" c="dimmed">
          Referenced by schema id{version.referencedBy.length === 1 ? '' : 's'} {version.referencedBy.join(', ')}.
        </Text>
      )}
      <SchemaViewer text={pretty.text} language={schemaLanguage(version.type)} label={`Schema of ${version.subject} version ${version.version}`} testId="schema-viewer" />
    </Stack>
  );
}

function DiffTab({ profileId, detail, shown, includeDeleted }: { profileId: string; detail: SubjectDetail; shown: number | null; includeDeleted: boolean }) {
  const initial = defaultDiffPair(
    detail.versions.map((entry) => entry.version),
    shown,
  );
  const [left, setLeft] = useState(initial?.left ?? null);
  const [right, setRight] = useState(initial?.right ?? null);
  const [chunks, setChunks] = useState<number | null>(null);
  const a = useSchemaVersion(profileId, detail.subject, left, includeDeleted);
  const b = useSchemaVersion(profileId, detail.subject, right, includeDeleted);
  const error = a.error ?? b.error;
  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end">
        <VersionSelect label="Left" detail={detail} value={left} onChange={setLeft} />
        <VersionSelect label="Right" detail={detail} value={right} onChange={setRight} />
        {chunks !== null && a.data && b.data && (
          <Text size="sm" c="dimmed" data-testid="diff-summary" aria-live="polite">
            {left === right ? 'The same version on both sides.' : chunks === 0 ? `v${left} and v${right} are the same schema (after pretty-printing).` : `${chunks} changed stretch${chunks === 1 ? '' : 'es'} between v${left} and v${right}.`}
          </Text>
        )}
      </Group>
      {error && (
        <Alert color="red" title="A version could not be read" role="alert">
          {error.message}
        </Alert>
      )}
      {a.data && b.data ? (
        <VersionDiff
          left={prettySchema(a.data.type, a.data.schema).text}
          right={prettySchema(b.data.type, b.data.schema).text}
          language={schemaLanguage(b.data.type)}
          leftLabel={`Version ${a.data.version}`}
          rightLabel={`Version ${b.data.version}`}
          onChunks={setChunks}
        />
      ) : (
        !error && <Loader size="xs" aria-label="Loading versions" />
      )}
    </Stack>
  );
}
