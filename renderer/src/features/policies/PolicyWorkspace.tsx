// The offline policy workspace: edit a Kpow RBAC/tenancy file with live validation, preview what each
// tenant would see in a captured snapshot, and diff the edit against the saved file — with no cluster.
// Files come and go through main (dialogs, atomic saves); validation, preview and diff run here on the
// shared tenancy code, so typing never waits for a round trip.
import { Alert, Badge, Button, Grid, Group, Loader, Modal, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import type { EditorView } from '@codemirror/view';
import { useEffect, useMemo, useRef, useState } from 'react';
import { parsePolicyFile, previewTenant } from '../../../../shared/domain/tenancy';
import { useBeforeUnloadGuard } from '../../lib/use-before-unload-guard';
import { offsetOf } from './editor-diagnostics';
import { usePolicyDiff } from './policy-diff';
import { PolicyDiffPanel } from './PolicyDiffPanel';
import { PolicyEditor } from './PolicyEditor';
import { fileNameOf } from './preview-model';
import { ProblemsList } from './ProblemsList';
import { SnapshotSummary } from './SnapshotSummary';
import { TenantAclPanel } from './TenantAclPanel';
import { TenantPreviewPanel } from './TenantPreviewPanel';
import { errorCode, useChoosePolicyFile, useChooseSnapshotFile, useOpenPolicy, useSavePolicy, useSnapshot } from './workspace-queries';
import { isDirty, suggestedFileName, tenantSource, usePolicyWorkspaceStore } from './workspace-store';

/** Long enough to skip re-parsing between keystrokes, short enough to feel live. */
const VALIDATION_DELAY_MS = 250;

export function PolicyWorkspace() {
  const store = usePolicyWorkspaceStore();
  const { document, snapshotPath } = store;
  const viewRef = useRef<EditorView | null>(null);
  const queryClient = useQueryClient();
  const choosePolicy = useChoosePolicyFile();
  const openPolicy = useOpenPolicy();
  const savePolicy = useSavePolicy();
  const chooseSnapshot = useChooseSnapshotFile();
  const snapshot = useSnapshot(snapshotPath);
  const [actionError, setActionError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [pendingDiscard, setPendingDiscard] = useState<(() => Promise<void>) | null>(null);
  const [panel, setPanel] = useState<string | null>('preview');

  const [debounced] = useDebouncedValue(document, VALIDATION_DELAY_MS);
  // A newly opened document is read at once: its first 250 ms must not show the previous document's results.
  const validated = debounced.revision === document.revision ? debounced : document;
  const validatedText = validated.text;
  const parsed = useMemo(() => parsePolicyFile(validatedText), [validatedText]);
  const { lastValid, rememberValid } = store;
  useEffect(() => {
    if (parsed.valid) rememberValid(validated.revision, validatedText);
  }, [parsed, validated.revision, validatedText, rememberValid]);
  const lastValidText = lastValid && lastValid.revision === validated.revision && lastValid.text !== validatedText ? lastValid.text : null;
  const lastValidParsed = useMemo(() => (lastValidText === null ? null : parsePolicyFile(lastValidText)), [lastValidText]);
  const aclTenants = useMemo(() => tenantSource(parsed, lastValidParsed), [parsed, lastValidParsed]);
  const diagnostics = useMemo(() => ({ text: validatedText, items: parsed.diagnostics }), [validatedText, parsed]);
  const snapshotData = snapshot.data?.snapshot;
  // The preview reads the same tenants as the ACL tab: the text's when it parses, else the last valid
  // text's (said so) or none — never Kpow's defaults standing in for a file that does not parse.
  const tenants = aclTenants.tenants;
  const shownTenant = tenants.find((tenant) => tenant.name === store.selectedTenant) ?? tenants[0];
  // Only the tenant on screen is evaluated: on a large snapshot each tenant costs tens of milliseconds.
  const preview = useMemo(() => (snapshotData && shownTenant ? previewTenant(shownTenant, snapshotData) : null), [shownTenant, snapshotData]);
  const { diff, computing } = usePolicyDiff(document.savedText, validatedText, snapshotData, panel === 'diff');
  const dirty = isDirty(document);
  useBeforeUnloadGuard(dirty);
  const busy = choosePolicy.isPending || openPolicy.isPending || savePolicy.isPending;

  const run = (action: () => Promise<void>) => {
    setActionError(null);
    action().catch((error: unknown) => setActionError(error instanceof Error ? error.message : String(error)));
  };
  /** Replacing the document would lose edits: ask first. */
  const replaceDocument = (action: () => Promise<void>) => (dirty ? setPendingDiscard(() => action) : run(action));

  const openFile = async (path: string) => {
    const file = await openPolicy.mutateAsync(path);
    store.loadDocument(file);
  };
  const chooseAndOpen = async () => {
    const { path } = await choosePolicy.mutateAsync({ mode: 'open' });
    if (path !== null) await openFile(path);
  };
  const save = async (force: boolean) => {
    if (document.path === null) return saveAs();
    const { path, text, version } = document;
    try {
      const result = await savePolicy.mutateAsync({ path, text, baseVersion: version, force });
      store.markSaved(path, text, result.version);
      setConflict(null);
    } catch (error) {
      if (errorCode(error) !== 'CONFLICT') throw error;
      setConflict((error as Error).message);
    }
  };
  const saveAs = async () => {
    const { path } = await choosePolicy.mutateAsync({ mode: 'save-as', suggestedName: suggestedFileName(document) });
    if (path === null) return;
    const text = document.text;
    // The save dialog has already asked before replacing an existing file.
    const result = await savePolicy.mutateAsync({ path, text, baseVersion: null, force: true });
    store.markSaved(path, text, result.version);
  };
  const openSnapshot = async () => {
    const { path } = await chooseSnapshot.mutateAsync();
    if (path === null) return;
    store.setSnapshotPath(path);
    await queryClient.invalidateQueries({ queryKey: ['snapshots:open', path] });
  };
  const moveCursor = (at: (view: EditorView) => number) => {
    const view = viewRef.current;
    if (!view) return;
    view.dispatch({ selection: { anchor: Math.min(at(view), view.state.doc.length) }, scrollIntoView: true });
    view.focus();
  };
  const jumpTo = (line: number, column: number) => moveCursor((view) => offsetOf(view.state.doc, line, column));
  const tenantSpan = shownTenant?.span;
  const revealTenant = tenantSpan ? () => moveCursor(() => tenantSpan.from) : undefined;

  // Also while typing in the editor (a contenteditable), where these shortcuts matter most.
  useHotkeys(
    [
      ['mod+S', () => run(() => save(false))],
      ['mod+shift+S', () => run(saveAs)],
      ['mod+O', () => replaceDocument(chooseAndOpen)],
    ],
    ['INPUT', 'TEXTAREA', 'SELECT'],
    true,
  );

  const errors = parsed.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  return (
    <Stack gap="sm" h="100%">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Title order={2}>Offline policy workspace</Title>
          <Text ff="monospace" size="sm" data-testid="policy-file-name">
            {document.path === null ? 'untitled (not saved yet)' : fileNameOf(document.path)}
          </Text>
          {dirty && (
            <Badge color="yellow" variant="light" data-testid="dirty-indicator">
              unsaved changes
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          <Button variant="default" onClick={() => replaceDocument(async () => store.newDocument())} disabled={busy}>
            New
          </Button>
          <Button variant="default" onClick={() => replaceDocument(chooseAndOpen)} loading={openPolicy.isPending} disabled={busy}>
            Open…
          </Button>
          <Button onClick={() => run(() => save(false))} loading={savePolicy.isPending} disabled={busy}>
            Save
          </Button>
          <Button variant="default" onClick={() => run(saveAs)} disabled={busy}>
            Save as…
          </Button>
        </Group>
      </Group>

      {actionError && (
        <Alert color="red" title="That did not work" withCloseButton onClose={() => setActionError(null)}>
          {actionError}
        </Alert>
      )}

      <Grid gap="sm" style={{ flex: 1 }}>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="xs">
            <Paper withBorder h={480} style={{ overflow: 'hidden' }}>
              <PolicyEditor
                documentKey={document.revision}
                text={document.text}
                onChange={store.editText}
                diagnostics={diagnostics}
                viewRef={viewRef}
              />
            </Paper>
            <ProblemsList diagnostics={parsed.diagnostics} onSelect={jumpTo} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="sm">
            <SnapshotSummary query={snapshot} path={snapshotPath} onOpen={() => run(openSnapshot)} choosing={chooseSnapshot.isPending} />
            {aclTenants.kind !== 'current' && snapshotData && (
              <Text size="sm" c="orange" data-testid="policy-preview-source">
                {aclTenants.kind === 'last-valid'
                  ? `The text does not parse now (${errors} error${errors === 1 ? '' : 's'}); the preview shows the tenants of the last valid text.`
                  : `The file does not parse (${errors} error${errors === 1 ? '' : 's'}; see Problems): there are no tenants to preview until it does.`}
              </Text>
            )}
            <Tabs value={panel} onChange={setPanel} keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="preview" disabled={!snapshotData}>
                  Preview
                </Tabs.Tab>
                <Tabs.Tab value="diff" disabled={!snapshotData}>
                  Diff against saved
                </Tabs.Tab>
                <Tabs.Tab value="acls">Kafka ACLs</Tabs.Tab>
              </Tabs.List>
              {snapshotData && (
                <Tabs.Panel value="preview" pt="sm">
                  {/* A file that never parsed has no tenants to preview: the note above says so, not "no tenant yet". */}
                  {aclTenants.kind !== 'unparsed' && (
                  <TenantPreviewPanel
                    tenantNames={tenants.map((tenant) => tenant.name)}
                    preview={preview}
                    snapshot={snapshotData}
                    onSelect={store.selectTenant}
                    onReveal={revealTenant}
                  />
                  )}
                </Tabs.Panel>
              )}
              {snapshotData && (
                <Tabs.Panel value="diff" pt="sm">
                  {computing && (
                    <Group gap="xs" mb="xs">
                      <Loader size="xs" />
                      <Text size="sm" c="dimmed">
                        Comparing with the saved file…
                      </Text>
                    </Group>
                  )}
                  {diff && <PolicyDiffPanel diff={diff} snapshot={snapshotData} />}
                </Tabs.Panel>
              )}
              <Tabs.Panel value="acls" pt="sm">
                <TenantAclPanel key={validated.revision} source={aclTenants} policyText={validatedText} policyValid={parsed.valid} />
              </Tabs.Panel>
            </Tabs>
          </Stack>
        </Grid.Col>
      </Grid>

      <Modal opened={conflict !== null} onClose={() => setConflict(null)} title="The file changed on disk" size="lg" centered>
        <Stack gap="sm">
          <Text size="sm">{conflict}</Text>
          <Text size="sm" c="dimmed">
            Reload replaces your edits with the file as it is now. Overwrite saves your text over the other change (the current file is kept as .bak).
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConflict(null)}>
              Cancel
            </Button>
            <Button
              variant="default"
              onClick={() => {
                setConflict(null);
                if (document.path !== null) run(() => openFile(document.path!));
              }}
            >
              Reload from disk
            </Button>
            <Button color="red" onClick={() => run(() => save(true))}>
              Overwrite
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={pendingDiscard !== null} onClose={() => setPendingDiscard(null)} title="Discard unsaved changes?" centered>
        <Stack gap="sm">
          <Text size="sm">The edits to {suggestedFileName(document)} have not been saved.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPendingDiscard(null)}>
              Keep editing
            </Button>
            <Button
              color="red"
              onClick={() => {
                const action = pendingDiscard;
                setPendingDiscard(null);
                if (action) run(action);
              }}
            >
              Discard changes
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
