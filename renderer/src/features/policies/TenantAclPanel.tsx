// The workspace's ACL tab: what a tenant means as Kafka ACLs for one principal. The commands and the
// rules that cannot become ACLs are computed here, offline; checking them against a cluster and
// creating the missing entries go through main (acls:tenant-preview / acls:tenant-apply).
import { Alert, Badge, Button, Code, Group, List, Modal, Select, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { aclAccessLevels, formatPath, isKafkaPrincipal, planTenantAcls, toKafkaAclsCommands, type AclAccessLevel } from '../../../../shared/domain/tenancy';
import type { ChannelInput, ChannelOutput } from '../../../../shared/ipc/contract';
import { api, unwrap } from '../../lib/api';
import type { TenantSource } from './workspace-store';
import { useProfileList } from '../profiles/queries';

interface TenantAclPanelProps {
  /** The open document's tenants, and which of its texts they come from. */
  source: TenantSource;
  /** The policy text as edited; main parses it again before touching a cluster. */
  policyText: string;
  policyValid: boolean;
}

type AclResult = ChannelOutput<'acls:tenant-preview'>;

export function TenantAclPanel({ source, policyText, policyValid }: TenantAclPanelProps) {
  const tenants = source.tenants;
  const [tenantName, setTenantName] = useState<string | null>(tenants[0]?.name ?? null);
  const [principal, setPrincipal] = useState('User:');
  const [access, setAccess] = useState<AclAccessLevel>('read');
  const [profileId, setProfileId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const profiles = useProfileList();
  const tenant = tenants.find((candidate) => candidate.name === tenantName) ?? tenants[0];
  const principalOk = isKafkaPrincipal(principal);
  const profile = profiles.data?.profiles.find((candidate) => candidate.id === profileId);

  const plan = useMemo(() => (tenant && principalOk ? planTenantAcls(tenant, { principal, access }) : null), [tenant, principal, principalOk, access]);
  const commands = plan ? toKafkaAclsCommands(plan, profile?.bootstrapServers[0] ?? 'localhost:9092') : [];

  const request = (): ChannelInput<'acls:tenant-preview'> => ({ profileId: profileId ?? '', policyText, tenant: tenant?.name ?? '', principal, access });
  const preview = useMutation({ mutationFn: (input: ChannelInput<'acls:tenant-preview'>) => unwrap(api.invoke['acls:tenant-preview'](input)) });
  const apply = useMutation({ mutationFn: (input: ChannelInput<'acls:tenant-apply'>) => unwrap(api.invoke['acls:tenant-apply'](input)) });
  const result: AclResult | undefined = apply.data ?? preview.data;
  const failure = apply.error ?? preview.error;
  const resetResults = () => {
    preview.reset();
    apply.reset();
  };

  const errorsText = source.kind === 'current' ? '' : `${source.errors} error${source.errors === 1 ? '' : 's'}`;
  if (source.kind === 'unparsed') {
    return (
      <Alert color="orange" title="The file does not parse" data-testid="tenant-acl-source">
        Its tenants cannot be read ({errorsText}; see Problems). Fix them to generate ACLs.
      </Alert>
    );
  }
  if (!tenant) return <Text size="sm">The policy has no tenant to generate ACLs for.</Text>;
  return (
    <Stack gap="sm" data-testid="tenant-acl-panel">
      {source.kind === 'last-valid' && (
        <Alert color="orange" title="From the last valid text" data-testid="tenant-acl-source">
          The text does not parse now ({errorsText}); these are the tenants as they were the last time it did.
        </Alert>
      )}
      {source.kind === 'current' && source.defaults && (
        <Text size="sm" c="dimmed" data-testid="tenant-acl-source">
          The file configures no tenants: these are Kpow's two defaults, which then apply.
        </Text>
      )}
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          label="Tenant"
          data={tenants.map((candidate) => candidate.name)}
          value={tenant.name}
          onChange={(value) => {
            setTenantName(value);
            resetResults();
          }}
          allowDeselect={false}
          w={180}
        />
        <TextInput
          label="Principal"
          value={principal}
          onChange={(event) => {
            setPrincipal(event.currentTarget.value);
            resetResults();
          }}
          error={principalOk || principal === 'User:' ? undefined : 'A Kafka principal, e.g. User:alice'}
          w={200}
        />
        <SegmentedControl
          aria-label="Access"
          value={access}
          onChange={(value) => {
            setAccess(value as AclAccessLevel);
            resetResults();
          }}
          data={aclAccessLevels.map((level) => ({ value: level, label: level }))}
        />
      </Group>

      {plan && (
        <>
          <Text size="sm" fw={500}>
            kafka-acls commands ({plan.bindings.length})
          </Text>
          <Code block data-testid="acl-commands" style={{ maxHeight: 220, maxWidth: '100%', overflow: 'auto', whiteSpace: 'pre' }}>
            {commands.length > 0 ? commands.join('\n') : '# Nothing in this tenant can be expressed as a Kafka ACL.'}
          </Code>
          {plan.untranslated.length > 0 && (
            <Alert color="yellow" title="Not expressible as Kafka ACLs">
              <List size="sm">
                {plan.untranslated.map((rule) => (
                  <List.Item key={`${rule.effect}${formatPath(rule.path)}`}>
                    {rule.effect} <Code>{formatPath(rule.path)}</Code>: {rule.reason}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
        </>
      )}

      <Group gap="xs" align="flex-end">
        <Select
          label="Check against the cluster of"
          placeholder="Choose a connection"
          data={(profiles.data?.profiles ?? []).map((candidate) => ({ value: candidate.id, label: candidate.name }))}
          value={profileId}
          onChange={(value) => {
            setProfileId(value);
            resetResults();
          }}
          w={240}
        />
        <Button variant="default" disabled={!profileId || !plan || !policyValid} loading={preview.isPending} onClick={() => preview.mutate(request())}>
          Preview on cluster
        </Button>
        <Button color="orange" disabled={!preview.data || preview.data.missing.length === 0 || apply.isPending} onClick={() => setConfirming(true)}>
          Apply missing…
        </Button>
      </Group>
      {!policyValid && (
        <Text size="sm" c="orange">
          Fix the policy's errors before checking it against a cluster.
        </Text>
      )}
      {failure && (
        <Alert color="red" title="That did not work">
          {failure.message}
        </Alert>
      )}
      {result && (
        <Stack gap={4} data-testid="acl-cluster-result">
          <Text size="sm">
            Cluster <Code>{result.clusterId}</Code>: {result.present.length} already granted, {apply.data ? `${result.created} created` : `${result.missing.length} missing`}.
          </Text>
          {result.missing.map((entry) => (
            <Group key={entry.text} gap="xs">
              <Badge color={apply.data ? 'green' : 'orange'} variant="light">
                {apply.data ? 'created' : 'missing'}
              </Badge>
              <Text size="sm">{entry.text}</Text>
            </Group>
          ))}
          {result.present.map((entry) => (
            <Group key={entry.text} gap="xs">
              <Badge color="gray" variant="light">
                granted
              </Badge>
              <Text size="sm">{entry.text}</Text>
            </Group>
          ))}
        </Stack>
      )}

      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Create these ACLs?" centered>
        <Stack gap="sm">
          <Text size="sm">
            {preview.data?.missing.length} ACL entries for {principal} will be created on {profile?.name ?? 'the cluster'}. Nothing is deleted.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button
              color="orange"
              onClick={() => {
                setConfirming(false);
                apply.mutate(request());
              }}
            >
              Create ACLs
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
