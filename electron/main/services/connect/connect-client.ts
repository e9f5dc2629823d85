// The Kafka Connect REST API of one cluster, typed: what the service, the CLI and the tests call.
import type { ConnectOffsets, ConnectPlugin, ConnectTask, ConnectorRow, ConnectorType, ValidationResult, WorkerInfo } from '../../../../shared/domain/connect/connect-schemas';
import { ConnectError } from './connect-errors';
import { type ConnectTransport, type ConnectRequest } from './connect-transport';

interface RawState {
  state?: string;
  worker_id?: string;
  trace?: string;
}
interface RawTaskState extends RawState {
  id?: number;
}
interface RawStatus {
  name?: string;
  connector?: RawState;
  tasks?: RawTaskState[];
  type?: string;
}
interface RawInfo {
  name?: string;
  config?: Record<string, string>;
  tasks?: { connector: string; task: number }[];
  type?: string;
}

export interface ConnectorStatus {
  name: string;
  type: ConnectorType;
  state: string;
  workerId: string | null;
  trace: string | null;
  tasks: ConnectTask[];
}

const enc = encodeURIComponent;

function typeOf(value: unknown): ConnectorType {
  return value === 'source' || value === 'sink' ? value : 'unknown';
}

function statusOf(name: string, raw: RawStatus | undefined): ConnectorStatus {
  return {
    name,
    type: typeOf(raw?.type),
    state: raw?.connector?.state ?? 'UNKNOWN',
    workerId: raw?.connector?.worker_id ?? null,
    trace: raw?.connector?.trace ?? null,
    tasks: (raw?.tasks ?? [])
      .map((task) => ({ id: Number(task.id ?? 0), state: task.state ?? 'UNKNOWN', workerId: task.worker_id ?? null, trace: task.trace ?? null }))
      .sort((a, b) => a.id - b.id),
  };
}

async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export class ConnectClient {
  constructor(readonly transport: ConnectTransport) {}

  get settings() {
    return this.transport.settings;
  }

  private json<T>(request: ConnectRequest): Promise<T> {
    return this.transport.json<T>(request);
  }

  /** Every connector with status and info in ONE request (`?expand=status&expand=info`); topics per connector (KIP-558) when asked. */
  async connectors(options: { topics?: boolean; signal?: AbortSignal } = {}): Promise<ConnectorRow[]> {
    const raw = await this.json<Record<string, { status?: RawStatus; info?: RawInfo }>>({ method: 'GET', path: '/connectors?expand=status&expand=info', signal: options.signal });
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new ConnectError(`Connect cluster '${this.settings.name}' answered GET /connectors with something that is not a map of connectors.`, { kind: 'bad-response' });
    }
    const names = Object.keys(raw).sort();
    const topics = options.topics === false ? names.map(() => null) : await mapBounded(names, 8, (name) => this.topics(name, options.signal).catch(() => null));
    return names.map((name, index) => {
      const entry = raw[name] ?? {};
      const status = statusOf(name, entry.status);
      return {
        clusterId: this.settings.id,
        clusterName: this.settings.name,
        name,
        type: status.type !== 'unknown' ? status.type : typeOf(entry.info?.type),
        className: entry.info?.config?.['connector.class'] ?? '',
        state: status.state,
        workerId: status.workerId,
        tasks: {
          total: status.tasks.length,
          running: status.tasks.filter((task) => task.state === 'RUNNING').length,
          failed: status.tasks.filter((task) => task.state === 'FAILED').length,
        },
        taskWorkers: [...new Set(status.tasks.map((task) => task.workerId).filter((id): id is string => id !== null))].sort(),
        topics: topics[index] ?? null,
      };
    });
  }

  async topics(name: string, signal?: AbortSignal): Promise<string[]> {
    const raw = await this.json<Record<string, { topics?: string[] }>>({ method: 'GET', path: `/connectors/${enc(name)}/topics`, signal });
    return [...(raw[name]?.topics ?? [])].sort();
  }

  async status(name: string, signal?: AbortSignal): Promise<ConnectorStatus> {
    return statusOf(name, await this.json<RawStatus>({ method: 'GET', path: `/connectors/${enc(name)}/status`, signal }));
  }

  config(name: string, signal?: AbortSignal): Promise<Record<string, string>> {
    return this.json<Record<string, string>>({ method: 'GET', path: `/connectors/${enc(name)}/config`, signal });
  }

  /** Whether the connector exists (404 → false). */
  async exists(name: string): Promise<boolean> {
    const response = await this.transport.send({ method: 'GET', path: `/connectors/${enc(name)}` });
    if (response.status === 404) return false;
    if (response.status >= 200 && response.status < 300) return true;
    await this.json({ method: 'GET', path: `/connectors/${enc(name)}` });
    return true;
  }

  async pause(name: string): Promise<void> {
    await this.json({ method: 'PUT', path: `/connectors/${enc(name)}/pause` });
  }

  async resume(name: string): Promise<void> {
    await this.json({ method: 'PUT', path: `/connectors/${enc(name)}/resume` });
  }

  /** KIP-875: stops the connector and its tasks; offsets can then be read, altered and reset. */
  async stop(name: string): Promise<void> {
    await this.json({ method: 'PUT', path: `/connectors/${enc(name)}/stop` });
  }

  async restart(name: string, options: { includeTasks: boolean; onlyFailed: boolean }): Promise<void> {
    await this.json({ method: 'POST', path: `/connectors/${enc(name)}/restart?includeTasks=${options.includeTasks}&onlyFailed=${options.onlyFailed}` });
  }

  async restartTask(name: string, task: number): Promise<void> {
    await this.json({ method: 'POST', path: `/connectors/${enc(name)}/tasks/${task}/restart` });
  }

  async delete(name: string): Promise<void> {
    await this.json({ method: 'DELETE', path: `/connectors/${enc(name)}` });
  }

  /** Connectors, transforms, converters, header converters and predicates (`connectorsOnly=false`). */
  async plugins(signal?: AbortSignal): Promise<ConnectPlugin[]> {
    const raw = await this.json<{ class?: string; type?: string; version?: string }[]>({ method: 'GET', path: '/connector-plugins?connectorsOnly=false', signal });
    return (Array.isArray(raw) ? raw : []).map((plugin) => ({ className: plugin.class ?? '', type: plugin.type ?? 'unknown', version: plugin.version ?? null }));
  }

  /** `PUT /connector-plugins/{class}/config/validate`: every field with its errors. */
  async validate(className: string, config: Record<string, string>, signal?: AbortSignal): Promise<ValidationResult> {
    const raw = await this.json<{
      name?: string;
      error_count?: number;
      groups?: string[];
      configs?: {
        definition?: { name?: string; type?: string; required?: boolean; default_value?: string | null; importance?: string; documentation?: string; group?: string | null; order?: number; display_name?: string };
        value?: { name?: string; value?: string | null; recommended_values?: string[]; errors?: string[]; visible?: boolean };
      }[];
    }>({ method: 'PUT', path: `/connector-plugins/${enc(className)}/config/validate`, body: { ...config, 'connector.class': className }, signal });
    return {
      className,
      errorCount: Number(raw.error_count ?? 0),
      groups: raw.groups ?? [],
      fields: (raw.configs ?? []).map(({ definition = {}, value = {} }) => ({
        name: definition.name ?? value.name ?? '',
        group: definition.group ?? null,
        displayName: definition.display_name ?? definition.name ?? '',
        type: definition.type ?? 'STRING',
        required: definition.required ?? false,
        defaultValue: definition.default_value ?? null,
        importance: definition.importance ?? null,
        documentation: definition.documentation ?? null,
        order: definition.order ?? 0,
        value: value.value ?? null,
        recommendedValues: value.recommended_values ?? [],
        errors: value.errors ?? [],
        visible: value.visible ?? true,
      })),
    };
  }

  /** Creates the connector or replaces its config (`PUT /connectors/{name}/config`). */
  async putConfig(name: string, config: Record<string, string>): Promise<void> {
    await this.json({ method: 'PUT', path: `/connectors/${enc(name)}/config`, body: config });
  }

  async offsets(name: string, signal?: AbortSignal): Promise<ConnectOffsets> {
    const raw = await this.json<{ offsets?: { partition: Record<string, unknown>; offset: Record<string, unknown> | null }[] }>({ method: 'GET', path: `/connectors/${enc(name)}/offsets`, signal });
    return { offsets: raw.offsets ?? [] };
  }

  /** KIP-875 alter (PATCH) on a STOPPED connector; `offset: null` removes a partition's offset. */
  async alterOffsets(name: string, offsets: ConnectOffsets['offsets']): Promise<string> {
    const raw = await this.json<{ message?: string }>({ method: 'PATCH', path: `/connectors/${enc(name)}/offsets`, body: { offsets } });
    return raw?.message ?? 'The offsets were altered.';
  }

  async resetOffsets(name: string): Promise<string> {
    const raw = await this.json<{ message?: string }>({ method: 'DELETE', path: `/connectors/${enc(name)}/offsets` });
    return raw?.message ?? 'The offsets were reset.';
  }

  async worker(signal?: AbortSignal): Promise<WorkerInfo> {
    const raw = await this.json<{ version?: string; commit?: string; kafka_cluster_id?: string }>({ method: 'GET', path: '/', signal });
    return { clusterId: this.settings.id, clusterName: this.settings.name, url: this.transport.currentUrl, version: raw.version ?? 'unknown', commit: raw.commit ?? 'unknown', kafkaClusterId: raw.kafka_cluster_id ?? null };
  }
}
