import {
  Alert,
  Badge,
  Button,
  Checkbox,
  ColorInput,
  Fieldset,
  Grid,
  Group,
  Loader,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { checkProfile } from '../../../../shared/domain/profile/checks';
import {
  defaultEnvironmentColours,
  emptyProfileDraft,
  environmentTags,
  GSSAPI_UNSUPPORTED_MESSAGE,
  profileActions,
  saslMechanisms,
  schemaRegistryObservations,
  securityProtocols,
  vendorPresetIds,
  type ConnectionProfile,
  type EnvironmentTag,
  type ProfileAction,
  type ProfileDraft,
  type SaslMechanism,
  type SchemaRegistryObservation,
  type SecurityProtocol,
  type VendorPresetId,
} from '../../../../shared/domain/profile/profile-schema';
import { applyVendorPreset, vendorPresets } from '../../../../shared/domain/profile/presets';
import type { SecretSlot } from '../../../../shared/domain/profile/secret-slots';
import { joinSecrets, secretStatuses } from '../../../../shared/domain/profile/secrets';
import { useUiStore } from '../../app/ui-store';
import { formatParameterLines, issueFor, newProfileId, parseParameterLines, saslFor, secretValue, withProtocol, withSecret, withTypedServers } from './draft-editing';
import { IssueList } from './IssueList';
import { useKeychainStatus, useProfileList, useSaveProfile, useStoredProfile } from './queries';
import { KeychainStoreField, SecretField, type KeychainStoreFieldFor, type SecretFieldFor } from './SecretField';
import { carryTestRun, NEW_PROFILE_RUN, TestConnectionPanel } from './TestConnectionPanel';
import { TlsFields } from './TlsFields';
import { useBeforeUnloadGuard } from '../../lib/use-before-unload-guard';
import { ConnectClustersFields } from './ConnectClustersFields';
import { guardEditorExit, hasUnsavedChanges, type Navigation } from './unsaved-changes';

const mechanismLabels: Record<SaslMechanism, string> = {
  plain: 'PLAIN',
  'scram-sha-256': 'SCRAM-SHA-256',
  'scram-sha-512': 'SCRAM-SHA-512',
  oauthbearer: 'OAUTHBEARER (OAuth client credentials)',
  'aws-msk-iam': 'AWS MSK IAM',
  gssapi: 'GSSAPI (Kerberos) — not supported',
};

const actionLabels: Record<ProfileAction, string> = {
  'create-topics': 'Create topics',
  'edit-topics': 'Edit topic configs',
  'delete-topics': 'Delete topics',
  produce: 'Produce messages',
  'reset-offsets': 'Reset consumer offsets',
  'delete-groups': 'Delete consumer groups',
  'edit-acls': 'Edit ACLs',
  'edit-quotas': 'Edit client quotas',
  'edit-schemas': 'Edit schemas',
  'export-data': 'Export data',
  'edit-brokers': 'Edit broker configs',
  'reassign-partitions': 'Elect leaders and reassign partitions',
  'operate-connectors': 'Pause, resume, stop and restart connectors',
  'edit-connectors': 'Create, edit and delete connectors and their offsets',
};

/** The editor for a new profile (`add-profile`) or a stored one (`edit-profile`). */
/** The plain string settings of the SASL mechanisms, edited through one kind of field. */
type SaslTextKey = 'username' | 'tokenEndpoint' | 'clientId' | 'scope' | 'audience' | 'region';

export function ProfileEditorScreen() {
  const editingProfileId = useUiStore((state) => state.editingProfileId);
  const stored = useStoredProfile(editingProfileId);
  if (editingProfileId === null) return <ProfileEditor key="new" stored={null} />;
  if (stored.isPending) return <Loader aria-label="Loading the profile" />;
  if (stored.isError) {
    return (
      <Alert color="red" title="The profile could not be loaded">
        {stored.error.message}
      </Alert>
    );
  }
  return <ProfileEditor key={stored.data.id} stored={stored.data} />;
}

function ProfileEditor({ stored }: { stored: ConnectionProfile | null }) {
  const showStartScreen = useUiStore((state) => state.showStartScreen);
  const editProfile = useUiStore((state) => state.editProfile);
  const selectProfile = useUiStore((state) => state.selectProfile);
  const profiles = useProfileList();
  const keychain = useKeychainStatus();
  const save = useSaveProfile();

  const initial = useMemo(() => (stored ? joinSecrets(stored, {}) : emptyProfileDraft('new-profile', '')), [stored]);
  const storedSecrets = useMemo(() => new Set(stored ? secretStatuses(stored).filter((status) => status.state === 'set').map((status) => status.slot) : []), [stored]);
  const [edited, setDraft] = useState<ProfileDraft>(initial);
  /** The bootstrap server being typed: it counts as entered, Enter or not. */
  const [typedServer, setTypedServer] = useState('');
  const draft = useMemo(() => withTypedServers(edited, typedServer), [edited, typedServer]);
  const [cleared, setCleared] = useState<SecretSlot[]>([]);
  const [showErrors, setShowErrors] = useState(false);

  const issues = useMemo(() => checkProfile(draft), [draft]);
  const errors = issues.filter((issue) => issue.severity === 'error');
  const error = (field: string) => (showErrors ? issueFor(issues, field) : undefined);
  const dirty = hasUnsavedChanges(draft, initial, cleared);
  useBeforeUnloadGuard(dirty);
  const [heldBack, setHeldBack] = useState<Navigation | null>(null);
  // Read by the store guard at navigation time; false once the user discarded or the save navigates.
  const guardActive = useRef(dirty);
  useEffect(() => {
    guardActive.current = dirty;
  }, [dirty]);
  useEffect(() => guardEditorExit(useUiStore, () => guardActive.current, setHeldBack), []);
  const leave = (target: Navigation) => {
    guardActive.current = false;
    useUiStore.setState(target);
  };

  const update = (recipe: (next: ProfileDraft) => void) =>
    setDraft((current) => {
      const next = structuredClone(current);
      recipe(next);
      return next;
    });

  const secretField: SecretFieldFor = (slot, label, multiline) => (
    <SecretField
      key={slot}
      slot={slot}
      label={label}
      multiline={multiline}
      value={secretValue(draft, slot)}
      state={{ stored: storedSecrets.has(slot), cleared: cleared.includes(slot) }}
      onChange={(value) => setDraft((current) => withSecret(current, slot, value))}
      onClearChange={(clear) => setCleared((current) => (clear ? [...current, slot] : current.filter((other) => other !== slot)))}
    />
  );

  const storeField: KeychainStoreFieldFor = (slot, label) => (
    <KeychainStoreField
      key={slot}
      slot={slot}
      label={label}
      value={secretValue(draft, slot)}
      state={{ stored: storedSecrets.has(slot), cleared: cleared.includes(slot) }}
      onChange={(value) => setDraft((current) => withSecret(current, slot, value))}
      onClearChange={(clear) => setCleared((current) => (clear ? [...current, slot] : current.filter((other) => other !== slot)))}
    />
  );

  const keychainBlocked = keychain.data && !keychain.data.available ? (keychain.data.message ?? 'The OS keychain is unavailable.') : undefined;
  const submit = () => {
    setShowErrors(true);
    if (errors.length > 0) return;
    const id = stored?.id ?? newProfileId(draft.name, profiles.data?.profiles.map((profile) => profile.id) ?? []);
    save.mutate(
      { draft: { ...draft, id }, clearSecrets: cleared },
      {
        onSuccess: (saved) => {
          // What was typed is saved now: the draft starts over from the stored profile, secrets shown as set.
          guardActive.current = false;
          setDraft(joinSecrets(saved, {}));
          setTypedServer('');
          setCleared([]);
          // The test results stay with the saved profile instead of vanishing with the new-profile form.
          carryTestRun(stored?.id ?? NEW_PROFILE_RUN, saved.id);
          editProfile(saved.id);
        },
      },
    );
  };

  const sasl = draft.sasl;
  /** A text field bound to one string setting of the SASL mechanism on screen; an optional one is dropped when emptied. */
  const saslText = (key: SaslTextKey, label: string, options: { placeholder?: string; optional?: boolean } = {}) => {
    const mechanism = sasl?.mechanism;
    const value = (sasl as Partial<Record<SaslTextKey, string>> | null)?.[key] ?? '';
    return (
      <TextInput
        label={label}
        {...(options.placeholder ? { placeholder: options.placeholder } : {})}
        value={value}
        error={options.optional ? undefined : error(`sasl.${key}`)}
        onChange={(event) => {
          const typed = event.currentTarget.value;
          update((next) => {
            // Write only into the mechanism this field was shown for.
            if (!next.sasl || next.sasl.mechanism !== mechanism) return;
            const settings = next.sasl as Partial<Record<SaslTextKey, string>>;
            if (options.optional && typed === '') delete settings[key];
            else settings[key] = typed;
          });
        }}
      />
    );
  };
  const tls = draft.tls;
  const registry = draft.schemaRegistry;
  const presetIssues = vendorPresets[draft.vendor.preset].check(draft);

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between">
        <div>
          <Title order={2}>{stored ? `Edit ${stored.name}` : 'Add a connection'}</Title>
          <Text size="sm" c="dimmed">
            Secrets are stored only in the OS keychain; this form shows whether each is set, never its value.
          </Text>
        </div>
        <Group>
          <Button variant="default" onClick={() => showStartScreen('start')}>
            Close
          </Button>
          <Button onClick={submit} loading={save.isPending} disabled={keychainBlocked !== undefined} title={keychainBlocked}>
            Save connection
          </Button>
          {stored && (
            <Tooltip label={dirty ? 'Save the changes first: Connect opens the saved connection.' : `Open ${stored.name}'s cluster`}>
              <Button variant="light" disabled={dirty} onClick={() => selectProfile(stored.id)}>
                Connect
              </Button>
            </Tooltip>
          )}
        </Group>
      </Group>

      <Modal opened={heldBack !== null} onClose={() => setHeldBack(null)} title="Discard unsaved changes?" centered>
        <Stack gap="md">
          <Text size="sm">This connection has changes that are not saved. Leaving discards them.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setHeldBack(null)} data-autofocus>
              Stay and keep editing
            </Button>
            <Button color="red" onClick={() => heldBack && leave(heldBack)}>
              Discard changes
            </Button>
          </Group>
        </Stack>
      </Modal>

      {keychainBlocked && (
        <Alert color="red" title="Saving is disabled: the OS keychain is unavailable">
          {keychainBlocked} Odradek keeps secrets only in the keychain and never falls back to a file.
        </Alert>
      )}
      {keychain.isError && (
        <Alert color="orange" title="The keychain state is unknown">
          {keychain.error.message}
        </Alert>
      )}
      {save.isError && (
        <Alert color="red" title="The profile was not saved">
          {save.error.message}
        </Alert>
      )}
      {save.isSuccess && !dirty && (
        <Alert color="green" variant="light" data-testid="save-confirmation">
          Saved. Secrets are in the OS keychain.
        </Alert>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Fieldset legend="General">
              <Stack gap="sm">
                <TextInput label="Name" required value={draft.name} error={error('name')} onChange={(event) => { const name = event.currentTarget.value; update((next) => void (next.name = name)); }} />
                <SimpleGrid cols={2}>
                  <Select
                    label="Environment"
                    data={[...environmentTags]}
                    value={draft.environment.tag}
                    allowDeselect={false}
                    onChange={(tag) => tag && update((next) => void (next.environment = { tag: tag as EnvironmentTag, colour: defaultEnvironmentColours[tag as EnvironmentTag] }))}
                  />
                  <ColorInput
                    label="Environment colour"
                    format="hex"
                    value={draft.environment.colour}
                    error={error('environment.colour')}
                    swatches={Object.values(defaultEnvironmentColours)}
                    onChange={(colour) => update((next) => void (next.environment.colour = colour))}
                  />
                </SimpleGrid>
                <Select
                  label="Vendor preset"
                  description="Applies the vendor's defaults and checks for its usual mistakes."
                  data={vendorPresetIds.map((id) => ({ value: id, label: vendorPresets[id].label }))}
                  value={draft.vendor.preset}
                  allowDeselect={false}
                  onChange={(preset) => preset && setDraft((current) => applyVendorPreset(current, preset as VendorPresetId))}
                />
                {draft.vendor.preset === 'conduktor-gateway' && (
                  <SimpleGrid cols={2}>
                    <TextInput
                      label="Virtual cluster"
                      value={draft.vendor.virtualCluster ?? ''}
                      onChange={(event) => {
                        const virtualCluster = event.currentTarget.value;
                        update((next) => {
                          if (next.vendor.preset !== 'conduktor-gateway') return;
                          if (virtualCluster === '') delete next.vendor.virtualCluster;
                          else next.vendor.virtualCluster = virtualCluster;
                        });
                      }}
                    />
                    <TextInput
                      label="Prefix separator"
                      value={draft.vendor.prefixSeparator}
                      error={error('vendor.prefixSeparator')}
                      onChange={(event) => {
                        const separator = event.currentTarget.value;
                        update((next) => {
                          if (next.vendor.preset === 'conduktor-gateway') next.vendor.prefixSeparator = separator;
                        });
                      }}
                    />
                  </SimpleGrid>
                )}
                {presetIssues.length > 0 && <IssueList title={`${vendorPresets[draft.vendor.preset].label} checks`} issues={presetIssues} />}
              </Stack>
            </Fieldset>

            <Fieldset legend="Connection">
              <Stack gap="sm">
                <TagsInput
                  label="Bootstrap servers"
                  description="host:port; what you type counts as entered (commas or spaces separate several)."
                  value={edited.bootstrapServers}
                  searchValue={typedServer}
                  onSearchChange={setTypedServer}
                  splitChars={[',', ' ']}
                  error={error('bootstrapServers') ?? issues.find((issue) => showErrors && issue.field?.startsWith('bootstrapServers.'))?.message}
                  onChange={(servers) => {
                    setTypedServer('');
                    update((next) => void (next.bootstrapServers = servers));
                  }}
                />
                <Select
                  label="Security protocol"
                  data={[...securityProtocols]}
                  value={draft.securityProtocol}
                  allowDeselect={false}
                  onChange={(protocol) => protocol && setDraft((current) => withProtocol(current, protocol as SecurityProtocol))}
                />
              </Stack>
            </Fieldset>

            {sasl && (
              <Fieldset legend="SASL authentication">
                <Stack gap="sm">
                  <Select
                    label="Mechanism"
                    data={saslMechanisms.map((mechanism) => ({ value: mechanism, label: mechanismLabels[mechanism] }))}
                    value={sasl.mechanism}
                    allowDeselect={false}
                    onChange={(mechanism) => mechanism && update((next) => void (next.sasl = saslFor(mechanism as SaslMechanism, next.sasl)))}
                  />
                  {sasl.mechanism === 'gssapi' && (
                    <Alert color="red" title="Kerberos is not supported">
                      {GSSAPI_UNSUPPORTED_MESSAGE}.
                    </Alert>
                  )}
                  {(sasl.mechanism === 'plain' || sasl.mechanism === 'scram-sha-256' || sasl.mechanism === 'scram-sha-512') && (
                    <>
                      {saslText('username', 'Username')}
                      {secretField('sasl.password', 'Password')}
                    </>
                  )}
                  {sasl.mechanism === 'oauthbearer' && (
                    <>
                      {saslText('tokenEndpoint', 'Token endpoint', { placeholder: 'https://login.example.com/oauth2/token' })}
                      {saslText('clientId', 'Client id')}
                      {secretField('sasl.clientSecret', 'Client secret')}
                      <SimpleGrid cols={2}>
                        {saslText('scope', 'Scope', { optional: true })}
                        {saslText('audience', 'Audience', { optional: true })}
                      </SimpleGrid>
                      <ParameterLines
                        value={sasl.extraParameters}
                        onChange={(extraParameters) =>
                          update((next) => {
                            if (next.sasl?.mechanism === 'oauthbearer') next.sasl.extraParameters = extraParameters;
                          })
                        }
                      />
                    </>
                  )}
                  {sasl.mechanism === 'aws-msk-iam' && (
                    <>
                      {saslText('region', 'AWS region', { placeholder: 'eu-west-1' })}
                      <Select
                        label="AWS credentials"
                        data={[
                          { value: 'default-chain', label: 'Default provider chain (environment, ~/.aws, instance role)' },
                          { value: 'profile', label: 'A named profile from ~/.aws' },
                          { value: 'static', label: 'An access key (secret kept in the keychain)' },
                        ]}
                        value={sasl.credentials.source}
                        allowDeselect={false}
                        onChange={(source) =>
                          update((next) => {
                            if (next.sasl?.mechanism !== 'aws-msk-iam') return;
                            next.sasl.credentials =
                              source === 'profile' ? { source: 'profile', profileName: '' } : source === 'static' ? { source: 'static', accessKeyId: '' } : { source: 'default-chain' };
                          })
                        }
                      />
                      {sasl.credentials.source === 'profile' && (
                        <TextInput
                          label="AWS profile name"
                          value={sasl.credentials.profileName}
                          error={error('sasl.credentials.profileName')}
                          onChange={(event) => {
                            const profileName = event.currentTarget.value;
                            update((next) => {
                              if (next.sasl?.mechanism === 'aws-msk-iam' && next.sasl.credentials.source === 'profile') next.sasl.credentials.profileName = profileName;
                            });
                          }}
                        />
                      )}
                      {sasl.credentials.source === 'static' && (
                        <>
                          <TextInput
                            label="Access key id"
                            value={sasl.credentials.accessKeyId}
                            error={error('sasl.credentials.accessKeyId')}
                            onChange={(event) => {
                              const accessKeyId = event.currentTarget.value;
                              update((next) => {
                                if (next.sasl?.mechanism === 'aws-msk-iam' && next.sasl.credentials.source === 'static') next.sasl.credentials.accessKeyId = accessKeyId;
                              });
                            }}
                          />
                          {secretField('sasl.secretAccessKey', 'Secret access key')}
                          {secretField('sasl.sessionToken', 'Session token (temporary credentials only)')}
                        </>
                      )}
                    </>
                  )}
                </Stack>
              </Fieldset>
            )}

            {tls && (
              <TlsFields
                prefix="tls"
                legend="TLS"
                tls={tls}
                issues={issues}
                showErrors={showErrors}
                secretField={secretField}
                storeField={storeField}
                update={(recipe) =>
                  update((next) => {
                    if (next.tls) recipe(next.tls);
                  })
                }
              />
            )}

            <Fieldset legend="Schema Registry">
              <Stack gap="sm">
                <Switch
                  label="Use a Schema Registry"
                  checked={registry !== null}
                  onChange={(event) => {
                    const enabled = event.currentTarget.checked;
                    update((next) => void (next.schemaRegistry = enabled ? { urls: [], auth: { kind: 'none' }, tls: null, observation: 'auto' } : null));
                  }}
                />
                {registry && (
                  <>
                    <TagsInput
                      label="Schema Registry URLs"
                      description="https://…; press Enter after each."
                      value={registry.urls}
                      error={error('schemaRegistry.urls') ?? issues.find((issue) => showErrors && issue.field?.startsWith('schemaRegistry.urls.'))?.message}
                      onChange={(urls) => update((next) => void (next.schemaRegistry && (next.schemaRegistry.urls = urls)))}
                    />
                    <Stack gap={4}>
                      <Text size="sm" fw={500} id="registry-auth-label">
                        Schema Registry authentication
                      </Text>
                      <SegmentedControl
                        aria-labelledby="registry-auth-label"
                        data={[
                          { value: 'none', label: 'None' },
                          { value: 'basic', label: 'Basic' },
                          { value: 'bearer', label: 'Bearer token' },
                        ]}
                        value={registry.auth.kind}
                        onChange={(kind) =>
                          update((next) => {
                            if (!next.schemaRegistry) return;
                            next.schemaRegistry.auth = kind === 'basic' ? { kind: 'basic', username: '' } : kind === 'bearer' ? { kind: 'bearer' } : { kind: 'none' };
                          })
                        }
                      />
                    </Stack>
                    {registry.auth.kind === 'basic' && (
                      <>
                        <TextInput
                          label="Schema Registry user"
                          value={registry.auth.username}
                          error={error('schemaRegistry.auth.username')}
                          onChange={(event) => {
                            const username = event.currentTarget.value;
                            update((next) => {
                              if (next.schemaRegistry?.auth.kind === 'basic') next.schemaRegistry.auth.username = username;
                            });
                          }}
                        />
                        {secretField('schemaRegistry.password', 'Schema Registry password')}
                      </>
                    )}
                    {registry.auth.kind === 'bearer' && secretField('schemaRegistry.token', 'Schema Registry bearer token')}
                    <Switch
                      label="Schema Registry over TLS with its own settings"
                      description="Off: https:// URLs use the system trust store."
                      checked={registry.tls !== null}
                      onChange={(event) => {
                        const enabled = event.currentTarget.checked;
                        update((next) => void (next.schemaRegistry && (next.schemaRegistry.tls = enabled ? { trust: { kind: 'system' }, identity: null, verifyHostname: true } : null)));
                      }}
                    />
                    {registry.tls && (
                      <TlsFields
                        prefix="schemaRegistry.tls"
                        legend="Schema Registry TLS"
                        tls={registry.tls}
                        issues={issues}
                        showErrors={showErrors}
                        secretField={secretField}
                        storeField={storeField}
                        update={(recipe) =>
                          update((next) => {
                            if (next.schemaRegistry?.tls) recipe(next.schemaRegistry.tls);
                          })
                        }
                      />
                    )}
                    <Stack gap={4}>
                      <Text size="sm" fw={500} id="registry-observation-label">
                        How schemas are read
                      </Text>
                      <SegmentedControl
                        aria-labelledby="registry-observation-label"
                        data={schemaRegistryObservations.map((value) => ({ value, label: value === 'auto' ? 'Auto' : value === 'v2' ? 'v2 (bulk /schemas)' : 'v1 (per subject)' }))}
                        value={registry.observation}
                        onChange={(observation) => update((next) => void (next.schemaRegistry && (next.schemaRegistry.observation = observation as SchemaRegistryObservation)))}
                      />
                    </Stack>
                  </>
                )}
              </Stack>
            </Fieldset>

            <ConnectClustersFields clusters={draft.connect} update={(recipe) => update((next) => recipe(next.connect))} secretField={(slot, label) => secretField(slot, label)} error={error} />

            <Fieldset legend="Safety">
              <Stack gap="sm">
                <Switch
                  label="Read-only"
                  // The name is the label alone; the description reaches assistive tech as the description.
                  aria-label="Read-only"
                  description="Hides every action that changes the cluster."
                  checked={draft.safety.readOnly}
                  onChange={(event) => {
                    const readOnly = event.currentTarget.checked;
                    update((next) => void (next.safety.readOnly = readOnly));
                  }}
                />
                <Checkbox.Group
                  label="Allowed actions"
                  description={draft.safety.readOnly ? 'Read-only overrides these.' : undefined}
                  value={draft.safety.allowedActions}
                  onChange={(actions) => update((next) => void (next.safety.allowedActions = actions as ProfileAction[]))}
                >
                  <SimpleGrid cols={2} mt={6} spacing={6}>
                    {profileActions.map((action) => (
                      <Checkbox key={action} value={action} label={actionLabels[action]} disabled={draft.safety.readOnly} />
                    ))}
                  </SimpleGrid>
                </Checkbox.Group>
              </Stack>
            </Fieldset>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md" pos="sticky" top={60}>
            <ProfileChecks issues={issues} />
            <TestConnectionPanel
              runKey={stored?.id ?? NEW_PROFILE_RUN}
              target={() => (stored && !dirty ? { kind: 'saved', id: stored.id } : { kind: 'draft', draft: { ...draft, id: stored?.id ?? 'unsaved-draft' }, clearSecrets: cleared })}
              disabledReason={errors.length > 0 ? 'Fix the errors above to test this connection.' : undefined}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function ProfileChecks({ issues }: { issues: ReturnType<typeof checkProfile> }) {
  // What to fix is listed under its count from the start; the fields themselves turn red after a save attempt.
  const shown = issues;
  const errorCount = issues.filter((issue) => issue.severity === 'error').length;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text fw={600} size="sm">
          Checks
        </Text>
        {errorCount === 0 ? (
          <Badge color="green" variant="light" size="sm">
            ready to save
          </Badge>
        ) : (
          <Badge color="red" variant="light" size="sm">
            {errorCount} to fix
          </Badge>
        )}
      </Group>
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          No warnings.
        </Text>
      ) : (
        <IssueList issues={shown} />
      )}
    </Stack>
  );
}

/** OAuth extra parameters as `key=value` lines; the text is kept as typed so half-written lines survive. */
function ParameterLines({ value, onChange }: { value: Record<string, string>; onChange(value: Record<string, string>): void }) {
  const [text, setText] = useState(() => formatParameterLines(value));
  return (
    <Textarea
      label="Extra token request parameters"
      description="One key=value per line (e.g. resource=api://kafka)."
      autosize
      minRows={2}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        onChange(parseParameterLines(event.currentTarget.value));
      }}
    />
  );
}
