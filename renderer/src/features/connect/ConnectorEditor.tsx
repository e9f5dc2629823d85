// Create or edit a connector: choose a plugin, fill a form generated from the worker's own validation
// (`PUT /connector-plugins/{class}/config/validate`) with each field's errors in place, or edit the raw
// JSON. Create/Save is enabled only when the config as it is now has passed validation.
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import { parseConfigJson, type ValidationResult } from '../../../../shared/domain/connect/connect-schemas';
import { usePlugins, useSaveConnector, useValidateConnector } from './queries';

export interface EditorTarget {
  mode: 'create' | 'update';
  clusterId: string;
  connector: string;
  config: Record<string, string>;
}

const HIDDEN_FIELDS = new Set(['name', 'connector.class']);

export function ConnectorEditor({ profileId, clusters, target, onClose, onSaved }: { profileId: string; clusters: { id: string; name: string }[]; target: EditorTarget; onClose(): void; onSaved(clusterId: string, connector: string): void }) {
  const [clusterId, setClusterId] = useState(target.clusterId);
  const [name, setName] = useState(target.connector);
  const [config, setConfig] = useState<Record<string, string>>(target.config);
  const [tab, setTab] = useState<string>('form');
  const [jsonText, setJsonText] = useState(JSON.stringify(target.config, null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [allFields, setAllFields] = useState(false);
  const [validated, setValidated] = useState<{ key: string; result: ValidationResult } | null>(null);
  const plugins = usePlugins(profileId, clusterId);
  const validate = useValidateConnector();
  const save = useSaveConnector();
  const className = config['connector.class'] ?? '';
  const configKey = JSON.stringify([clusterId, name, config]);
  const fresh = validated !== null && validated.key === configKey;
  const passes = fresh && validated.result.errorCount === 0;

  const runValidation = (next: Record<string, string> = config) => {
    const cls = next['connector.class'];
    if (!cls) return;
    const key = JSON.stringify([clusterId, name, next]);
    validate.mutate(
      { profileId, clusterId, connector: target.mode === 'update' ? target.connector : null, className: cls, config: { ...next, ...(name ? { name } : {}) } },
      { onSuccess: (result) => setValidated({ key, result }) },
    );
  };
  const update = (next: Record<string, string>) => {
    setConfig(next);
    setJsonText(JSON.stringify(next, null, 2));
  };
  const choosePlugin = (cls: string | null) => {
    if (!cls) return;
    const next = { 'connector.class': cls, 'tasks.max': config['tasks.max'] ?? '1' };
    update(next);
    runValidation(next);
  };
  const switchTab = (next: string | null) => {
    if (next === 'form' && tab === 'json') {
      const parsed = parseConfigJson(jsonText);
      if (!parsed.ok) {
        setJsonError(parsed.message);
        return;
      }
      setJsonError(null);
      setConfig(parsed.config);
    }
    setTab(next ?? 'form');
  };
  const applyJson = () => {
    const parsed = parseConfigJson(jsonText);
    if (!parsed.ok) {
      setJsonError(parsed.message);
      return null;
    }
    setJsonError(null);
    setConfig(parsed.config);
    return parsed.config;
  };

  const fields = useMemo(() => {
    const all = (validated?.result.fields ?? []).filter((field) => field.visible && !HIDDEN_FIELDS.has(field.name));
    const shown = allFields ? all : all.filter((field) => field.required || field.errors.length > 0 || config[field.name] !== undefined);
    return [...shown].sort((a, b) => Number(b.required) - Number(a.required) || (a.group ?? '').localeCompare(b.group ?? '') || a.order - b.order);
  }, [validated, allFields, config]);
  const connectorPlugins = (plugins.data ?? []).filter((plugin) => plugin.type === 'source' || plugin.type === 'sink');
  const errorCount = fresh ? validated.result.errorCount : null;

  return (
    <Modal opened onClose={onClose} size="xl" title={target.mode === 'create' ? 'New connector' : `Edit connector ${target.connector}`}>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <Select label="Connect cluster" data={clusters.map((cluster) => ({ value: cluster.id, label: cluster.name }))} value={clusterId} onChange={(value) => value && setClusterId(value)} disabled={target.mode === 'update'} allowDeselect={false} />
          <TextInput label="Connector name" value={name} onChange={(event) => setName(event.currentTarget.value)} disabled={target.mode === 'update'} required />
        </Group>
        <Select
          label="Plugin"
          placeholder={plugins.isLoading ? 'Reading the plugins…' : 'Choose the connector plugin'}
          searchable
          data={connectorPlugins.map((plugin) => ({ value: plugin.className, label: `${plugin.className} (${plugin.type}${plugin.version ? ` ${plugin.version}` : ''})` }))}
          value={className || null}
          onChange={choosePlugin}
          disabled={target.mode === 'update'}
          error={plugins.error ? plugins.error.message : undefined}
        />
        <Tabs value={tab} onChange={switchTab}>
          <Tabs.List>
            <Tabs.Tab value="form">Form</Tabs.Tab>
            <Tabs.Tab value="json">Raw JSON</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="form" pt="sm">
            {!className ? (
              <Text size="sm" c="dimmed">
                Choose a plugin: its fields come from the worker’s validation.
              </Text>
            ) : !validated ? (
              <Text size="sm" c="dimmed">
                {validate.isPending ? 'Validating…' : 'Validate to see the plugin’s fields.'}
              </Text>
            ) : (
              <Stack gap="xs" mah={420} style={{ overflow: 'auto' }} data-testid="connector-form">
                <Checkbox label={`Show all ${validated.result.fields.filter((field) => field.visible && !HIDDEN_FIELDS.has(field.name)).length} fields`} checked={allFields} onChange={(event) => setAllFields(event.currentTarget.checked)} />
                {fields.map((field) => (
                  <TextInput
                    key={field.name}
                    label={`${field.name}${field.group ? ` · ${field.group}` : ''}`}
                    description={field.documentation ? field.documentation.slice(0, 200) : undefined}
                    placeholder={field.defaultValue ?? undefined}
                    required={field.required}
                    value={config[field.name] ?? ''}
                    type={field.type === 'PASSWORD' ? 'password' : 'text'}
                    error={field.errors.length > 0 ? field.errors.join(' ') : undefined}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      const next = { ...config };
                      if (value === '') delete next[field.name];
                      else next[field.name] = value;
                      update(next);
                    }}
                  />
                ))}
              </Stack>
            )}
          </Tabs.Panel>
          <Tabs.Panel value="json" pt="sm">
            <Textarea
              label="Connector config (JSON object of strings)"
              autosize
              minRows={8}
              maxRows={20}
              value={jsonText}
              onChange={(event) => setJsonText(event.currentTarget.value)}
              onBlur={applyJson}
              error={jsonError}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
          </Tabs.Panel>
        </Tabs>
        {validate.error && <Alert color="red">{validate.error.message}</Alert>}
        {save.error && <Alert color="red">{save.error.message}</Alert>}
        <Text size="sm" role="status" c={errorCount === null ? 'dimmed' : errorCount === 0 ? 'green' : 'red'}>
          {errorCount === null ? 'Not validated in its current form: nothing can be sent yet.' : errorCount === 0 ? 'Validation passed.' : `Validation found ${errorCount} error${errorCount === 1 ? '' : 's'}; fix them in place.`}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant="light"
            disabled={!className}
            loading={validate.isPending}
            onClick={() => {
              const next = tab === 'json' ? applyJson() : config;
              if (next) runValidation(next);
            }}
          >
            Validate
          </Button>
          <Button
            disabled={!passes || name.trim() === ''}
            loading={save.isPending}
            onClick={() => save.mutate({ profileId, clusterId, connector: name.trim(), mode: target.mode, config }, { onSuccess: () => onSaved(clusterId, name.trim()) })}
          >
            {target.mode === 'create' ? 'Create' : 'Save'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
