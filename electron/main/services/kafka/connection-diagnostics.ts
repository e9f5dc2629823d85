// Staged connection diagnostics: DNS → TCP (+ a raw Kafka ApiVersions probe) → TLS → SASL → metadata →
// authorization → the profile's Schema Registry (when it names one). Each stage is bounded and the whole run stays within a total budget (10 s by default),
// so a silent or hung endpoint can never hang the app. Stages after a failure are reported as skipped.
import { lookup } from 'node:dns/promises';
import { isIP, connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls, type TLSSocket } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import type { Admin } from 'kafkajs';
import {
  diagnosticStages,
  summarizeDiagnostics,
  type DiagnosticResult,
  type DiagnosticStage,
  type DiagnosticSummary,
} from '../../../../shared/domain/connection-diagnostics';
import type { Clock } from '../ports';
import type { KafkaClientFactory } from './client-factory';
import { splitHostPort, type KafkaConnectionSettings } from './connection-settings';
import { listenerWantsSasl, probeKafka } from './kafka-probe';
import { buildTlsOptions } from './tls-options';
import { probeRegistry } from '../schemas/registry-probe';
import { probeConnectClusters } from '../connect/connect-probe';

export interface DiagnosticsOptions {
  totalBudgetMs?: number;
  onResult?(result: DiagnosticResult): void;
  signal?: AbortSignal;
}

const stageBudgetMs: Record<DiagnosticStage, number> = {
  dns: 2_000,
  tcp: 3_000,
  tls: 3_000,
  sasl: 4_000,
  metadata: 4_000,
  authorization: 3_000,
  'schema-registry': 5_000,
  connect: 5_000,
};

type Facts = DiagnosticResult['facts'];
type Outcome = { status: 'passed' | 'warning'; message: string; remedy?: string; facts?: Facts };

/** A stage failure with its human message and remedy. */
class StageFailure extends Error {
  constructor(
    message: string,
    readonly remedy?: string,
    readonly facts: Facts = {},
  ) {
    super(message);
  }
}

class StageTimeout extends Error {}

export async function diagnoseConnection(
  settings: KafkaConnectionSettings,
  deps: { factory: KafkaClientFactory; clock: Clock },
  options: DiagnosticsOptions = {},
): Promise<{ results: DiagnosticResult[]; summary: DiagnosticSummary }> {
  const started = deps.clock.now();
  const deadline = started + (options.totalBudgetMs ?? 10_000);
  const results: DiagnosticResult[] = [];
  let failedStage: DiagnosticStage | null = null;
  let target: { host: string; port: number; address: string } | null = null;
  let admin: Admin | null = null;

  const record = (result: DiagnosticResult) => {
    results.push(result);
    options.onResult?.(result);
  };

  const stages: Record<DiagnosticStage, (budgetMs: number) => Promise<Outcome | 'skip'>> = {
    dns: async (budgetMs) => {
      const resolved = await Promise.all(
        settings.bootstrapServers.map(async (server) => {
          const { host, port } = splitHostPort(server);
          if (isIP(host)) return { host, port, address: host, server };
          try {
            const addresses = await withTimeout(lookup(host, { all: true }), budgetMs);
            return { host, port, address: addresses[0]!.address, server };
          } catch (error) {
            if (error instanceof StageTimeout) throw new StageFailure(`Resolving ${host} took longer than ${budgetMs} ms.`, 'Check your DNS resolver or VPN connection.');
            return { host, port, address: null, server, error: (error as NodeJS.ErrnoException).code ?? String(error) };
          }
        }),
      );
      const unresolved = resolved.filter((entry) => entry.address === null);
      const first = resolved.find((entry) => entry.address !== null);
      if (!first) {
        throw new StageFailure(
          `None of the bootstrap hosts resolves: ${unresolved.map((entry) => `${entry.host} (${'error' in entry ? entry.error : ''})`).join(', ')}.`,
          'Check the bootstrap address for typos, and that you are on the network (VPN) that can see the cluster.',
        );
      }
      target = { host: first.host, port: first.port, address: first.address! };
      const facts: Facts = { resolved: resolved.filter((entry) => entry.address).map((entry) => `${entry.server} → ${entry.address}`).join(', ') };
      if (unresolved.length > 0) {
        return { status: 'warning', message: `${unresolved.map((entry) => entry.host).join(', ')} did not resolve; continuing with ${first.server}.`, remedy: 'Remove or fix the bootstrap entries that do not resolve.', facts };
      }
      return { status: 'passed', message: `Resolved ${resolved.length} bootstrap address${resolved.length === 1 ? '' : 'es'}.`, facts };
    },

    tcp: async (budgetMs): Promise<Outcome> => {
      const { host, port, address } = target!;
      const socket = await withTimeout(openTcp(address, port), budgetMs).catch((error: unknown) => {
        throw tcpFailure(error, host, port, budgetMs);
      });
      try {
        if (settings.tls) return { status: 'passed', message: `Connected to ${host}:${port} (${address}).`, facts: { address: `${address}:${port}` } };
        const reply = await withTimeout(probeKafka(socket), remaining(budgetMs)).catch((error: unknown) => {
          throw probeFailure(error, host, port, budgetMs, false);
        });
        return { status: 'passed', message: `Connected to ${host}:${port}; the broker answered a Kafka request (${reply.apiCount} APIs).`, facts: { address: `${address}:${port}`, apis: reply.apiCount } };
      } finally {
        socket.destroy();
      }
    },

    tls: async (budgetMs) => {
      if (!settings.tls) return 'skip';
      const { host, port, address } = target!;
      checkClientCertificateDates(settings, deps.clock.now());
      let options;
      try {
        options = buildTlsOptions(settings.tls);
      } catch (error) {
        throw new StageFailure((error as Error).message, 'Check the truststore/keystore file and its password in the profile.');
      }
      const socket = await withTimeout(openTls(address, port, host, options), budgetMs).catch((error: unknown) => {
        throw error instanceof StageTimeout
          ? new StageFailure(`The TLS handshake with ${host}:${port} did not finish within ${budgetMs} ms.`, 'The broker may be hung, or this port may not speak TLS.')
          : tlsFailure(error, host, settings);
      });
      try {
        const facts: Facts = { protocol: socket.getProtocol() ?? 'unknown', cipher: socket.getCipher().name };
        const certificate = socket.getPeerX509Certificate();
        if (certificate) {
          facts['server certificate'] = certificate.subject.replace(/\n/g, ', ');
          facts['valid until'] = certificate.validTo;
        }
        // Under TLS 1.3 the broker checks our certificate after the handshake: a Kafka round trip
        // surfaces its verdict here rather than later in a confusing place.
        await withTimeout(probeKafka(socket), budgetMs).catch((error: unknown) => {
          throw error instanceof StageTimeout || (error as Error).message.includes('did not answer')
            ? probeFailure(error, host, port, budgetMs, true)
            : tlsFailure(error, host, settings);
        });
        const warnings = settings.tls.verifyHostname ? '' : ' Host-name verification is off: any certificate signed by a trusted CA is accepted.';
        return {
          status: settings.tls.verifyHostname ? 'passed' : 'warning',
          message: `TLS ${facts['protocol']} with ${facts['cipher']}; the broker's certificate is trusted.${warnings}`,
          ...(settings.tls.verifyHostname ? {} : { remedy: 'Turn host-name verification back on once the certificate names this host.' }),
          facts,
        };
      } finally {
        socket.destroy();
      }
    },

    sasl: async (budgetMs) => {
      // Without SASL a SASL listener still answers ApiVersions, and kafkajs connects; it is the next
      // request that the broker refuses by closing. Ask that question here, where the answer belongs.
      if (!settings.sasl && (await withTimeout(wantsSasl(), remaining(budgetMs)))) {
        const protocol = settings.tls ? 'SASL_SSL' : 'SASL_PLAINTEXT';
        throw new StageFailure(
          `This listener wants SASL: set the mechanism. ${target!.host}:${target!.port} answered ApiVersions, then closed the connection when asked for metadata without authenticating.`,
          `Set the profile's security protocol to ${protocol} and choose the mechanism this listener offers (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 or OAUTHBEARER) with its credentials.`,
        );
      }
      admin = deps.factory
        .create(settings, { connectionTimeoutMs: budgetMs, authenticationTimeoutMs: budgetMs, requestTimeoutMs: budgetMs, retries: 0 })
        .admin();
      await withTimeout(admin.connect(), budgetMs).catch((error: unknown) => {
        throw saslFailure(error, settings, budgetMs);
      });
      if (!settings.sasl) {
        const identity = settings.tls?.identity ? 'by its client certificate' : 'as an anonymous user';
        return { status: 'passed', message: `No SASL on this listener: the broker identifies this client ${identity}.` };
      }
      return { status: 'passed', message: `Authenticated with ${settings.sasl.mechanism.toUpperCase()}.`, facts: { mechanism: settings.sasl.mechanism.toUpperCase() } };
    },

    metadata: async (budgetMs) => {
      const cluster = await withTimeout(admin!.describeCluster(), budgetMs).catch((error: unknown) => {
        throw new StageFailure(`The cluster did not return its metadata: ${describe(error)}.`, 'Check that the principal may DESCRIBE the cluster, and the broker logs.');
      });
      const facts: Facts = { 'cluster id': cluster.clusterId, brokers: cluster.brokers.length, controller: cluster.controller ?? 'unknown' };
      // The classic misconfiguration: bootstrap works, but brokers advertise addresses this machine cannot reach.
      const unreachable: string[] = [];
      await Promise.all(
        cluster.brokers.map(async (broker) => {
          try {
            (await withTimeout(openTcp(broker.host, broker.port), Math.min(1_500, remaining(budgetMs)))).destroy();
          } catch {
            unreachable.push(`broker ${broker.nodeId} at ${broker.host}:${broker.port}`);
          }
        }),
      );
      if (unreachable.length > 0) {
        throw new StageFailure(
          `The bootstrap server answered, but ${unreachable.join(', ')} cannot be reached from this machine.`,
          "The brokers' advertised.listeners must name addresses clients can reach; or connect through the network (VPN, proxy) they expect.",
          facts,
        );
      }
      return { status: 'passed', message: `Cluster ${cluster.clusterId}: ${cluster.brokers.length} broker${cluster.brokers.length === 1 ? '' : 's'}, all reachable.`, facts };
    },

    authorization: async (budgetMs) => {
      try {
        const topics = await withTimeout(admin!.listTopics(), budgetMs);
        const visible = topics.filter((name) => !name.startsWith('__')).length;
        if (visible === 0) {
          return { status: 'warning', message: 'Connected, but no topics are visible to this principal.', remedy: 'If the cluster has topics, the principal lacks DESCRIBE on them: ask for ACLs (or check the tenant).', facts: { 'visible topics': 0 } };
        }
        return { status: 'passed', message: `This principal can see ${visible} topic${visible === 1 ? '' : 's'}.`, facts: { 'visible topics': visible } };
      } catch (error) {
        return { status: 'warning', message: `Listing topics was refused: ${describe(error)}.`, remedy: 'Ask for DESCRIBE on the topics you need.' };
      }
    },

    // Reachable, credentials accepted, TLS trusted, and which observation mode listing will use.
    'schema-registry': async (budgetMs) => {
      if (!settings.schemaRegistry) return 'skip';
      const probe = await probeRegistry(settings.schemaRegistry, { timeoutMs: budgetMs, ...(options.signal ? { signal: options.signal } : {}) });
      if (!probe.ok) throw new StageFailure(probe.message, probe.remedy, probe.facts);
      return { status: probe.warning ? 'warning' : 'passed', message: probe.message, ...(probe.warning ? { remedy: probe.warning } : {}), facts: probe.facts };
    },

    // Each Connect cluster: reachable, TLS trusted, credentials accepted, connectors listed.
    connect: async (budgetMs) => {
      const clusters = settings.connect ?? [];
      if (clusters.length === 0) return 'skip';
      const probe = await probeConnectClusters(clusters, { timeoutMs: budgetMs });
      if (!probe.ok) throw new StageFailure(probe.message, probe.remedy, probe.facts);
      return { status: probe.warning ? 'warning' : 'passed', message: probe.message, ...(probe.warning ? { remedy: probe.warning } : {}), facts: probe.facts };
    },
  };

  /** A fresh socket (TLS when the profile uses it): ApiVersions, then whether Metadata is refused by a close. */
  async function wantsSasl(): Promise<boolean> {
    const { host, port, address } = target!;
    const socket = settings.tls ? await openTls(address, port, host, buildTlsOptions(settings.tls)) : await openTcp(address, port);
    try {
      await probeKafka(socket);
      return await listenerWantsSasl(socket);
    } finally {
      socket.destroy();
    }
  }

  function remaining(budgetMs: number): number {
    return Math.max(1, Math.min(budgetMs, deadline - deps.clock.now()));
  }

  try {
    for (const stage of diagnosticStages) {
      const stageStarted = deps.clock.now();
      if (failedStage || options.signal?.aborted) {
        record({ stage, status: 'skipped', message: failedStage ? 'Not run: an earlier stage failed.' : 'Not run: cancelled.', facts: {}, durationMs: 0 });
        continue;
      }
      // The registry is another endpoint: its stage keeps its own budget whatever Kafka's stages used.
      const budget = stage === 'schema-registry' || stage === 'connect' ? stageBudgetMs[stage] : remaining(stageBudgetMs[stage]);
      try {
        const outcome = await withTimeout(stages[stage](budget), budget + 250);
        if (outcome === 'skip') {
          record({ stage, status: 'skipped', message: skipWords[stage] ?? 'Not used.', facts: {}, durationMs: 0 });
          continue;
        }
        record({ stage, ...outcome, facts: outcome.facts ?? {}, durationMs: deps.clock.now() - stageStarted });
      } catch (error) {
        failedStage = stage;
        const failure =
          error instanceof StageFailure
            ? error
            : error instanceof StageTimeout
              ? new StageFailure(`No answer within ${budget} ms.`, 'The endpoint may be hung or dropping packets.')
              : new StageFailure(describe(error));
        record({ stage, status: 'failed', message: failure.message, ...(failure.remedy ? { remedy: failure.remedy } : {}), facts: failure.facts, durationMs: deps.clock.now() - stageStarted });
      }
    }
  } finally {
    const openAdmin = admin as Admin | null;
    if (openAdmin) await withTimeout(openAdmin.disconnect(), 1_000).catch(() => undefined);
  }
  return { results, summary: summarizeDiagnostics(results, deps.clock.now() - started) };
}

const skipWords: Partial<Record<DiagnosticStage, string>> = {
  tls: 'Not used: the profile connects without TLS.',
  'schema-registry': 'Not used: the profile names no Schema Registry.',
  connect: 'Not used: the profile names no Kafka Connect cluster.',
};

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StageTimeout(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function openTcp(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp({ host, port });
    socket.once('connect', () => resolve(socket));
    socket.once('error', (error) => {
      socket.destroy();
      reject(error);
    });
  });
}

function openTls(address: string, port: number, servername: string, options: ReturnType<typeof buildTlsOptions>): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    // Node checks the certificate against `servername` when given: the name the user typed, not the
    // resolved address. An IP literal is not valid SNI, so it is checked as the host instead.
    const socket = connectTls({ ...options, host: address, port, servername: isIP(servername) ? undefined : servername });
    socket.once('secureConnect', () => resolve(socket));
    socket.once('error', (error) => {
      socket.destroy();
      reject(error);
    });
  });
}

function tcpFailure(error: unknown, host: string, port: number, budgetMs: number): StageFailure {
  if (error instanceof StageTimeout) {
    return new StageFailure(`Connecting to ${host}:${port} timed out after ${budgetMs} ms: packets are dropped on the way.`, 'A firewall or security group may block the port; check that you are on the right network.');
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNREFUSED') return new StageFailure(`Nothing listens on ${host}:${port} (connection refused).`, 'Check the port number, and that the broker is running and listening on this address.');
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return new StageFailure(`${host} cannot be reached from this machine (${code}).`, 'Check your network, VPN and routes.');
  return new StageFailure(`Could not connect to ${host}:${port}: ${describe(error)}.`);
}

function probeFailure(error: unknown, host: string, port: number, budgetMs: number, overTls: boolean): StageFailure {
  if (error instanceof StageTimeout) {
    return new StageFailure(
      `Connected to ${host}:${port}, but the broker did not answer a Kafka request within ${budgetMs} ms.`,
      'The broker may be hung or overloaded (check its process and GC logs), or this port is not a Kafka listener.',
    );
  }
  if ((error as NodeJS.ErrnoException).code === 'CLOSED_WITHOUT_REPLY' || (error as NodeJS.ErrnoException).code === 'ECONNRESET') {
    return new StageFailure(
      `${host}:${port} closed the connection without answering a Kafka request.`,
      overTls ? 'The broker may have rejected this client\'s certificate.' : 'This port may expect TLS: try security protocol SSL or SASL_SSL.',
    );
  }
  return new StageFailure(`${host}:${port} did not answer like a Kafka broker: ${describe(error)}.`, 'Check the port: it may belong to another service.');
}

function tlsFailure(error: unknown, host: string, settings: KafkaConnectionSettings): StageFailure {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const message = describe(error);
  const trustRemedy = "Add the cluster's CA certificate to the profile's trust settings (PEM, PKCS12 or JKS truststore).";
  if (['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT'].includes(code)) {
    return new StageFailure(`The broker's certificate is not signed by a CA this profile trusts (${code}).`, trustRemedy);
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new StageFailure(`The broker's certificate does not name ${host}: ${message}.`, "Connect with a host name listed in the certificate's subject alternative names, or have the certificate reissued. Turning host-name verification off is a last resort.");
  }
  if (code === 'CERT_HAS_EXPIRED') return new StageFailure("The broker's certificate has expired.", 'The cluster operator must renew the broker certificate.');
  if (code === 'CERT_NOT_YET_VALID') return new StageFailure("The broker's certificate is not valid yet.", "Check this machine's clock, or the certificate's start date.");
  if (/alert certificate expired/i.test(message)) return new StageFailure("The broker rejected this client's certificate: it has expired.", 'Renew the client certificate (keystore) in the profile.');
  if (/alert (certificate required|bad certificate|unknown ca|certificate unknown|certificate revoked)/i.test(message)) {
    return new StageFailure(
      settings.tls?.identity ? `The broker rejected this client's certificate (${message}).` : 'The broker requires a client certificate (mTLS), and the profile has none.',
      settings.tls?.identity ? "Use a client certificate signed by a CA the broker trusts." : 'Add a client identity (PEM certificate and key, PKCS12 or JKS keystore) to the profile.',
    );
  }
  if (/wrong version number|packet length too long|unknown protocol|http request/i.test(message) || code === 'ECONNRESET') {
    return new StageFailure(`${host} does not speak TLS on this port (${message}).`, 'Use security protocol PLAINTEXT or SASL_PLAINTEXT for this listener, or the TLS port.');
  }
  if (/unsupported protocol|no protocols available|alert protocol version/i.test(message)) {
    return new StageFailure(`No TLS version is acceptable to both sides under the '${settings.tls?.profile}' TLS profile (${message}).`, "Choose a TLS profile the broker supports (e.g. 'intermediate' for TLS 1.2).");
  }
  if (/no shared cipher|handshake failure|no ciphers available/i.test(message)) {
    return new StageFailure(`The broker and the '${settings.tls?.profile}' TLS profile share no cipher suite (${message}).`, "Choose a wider TLS profile ('intermediate' or 'default').");
  }
  if (/bad decrypt|mac verify failure|unsupported pkcs12|bad password/i.test(message)) {
    return new StageFailure(`A key or keystore in the profile could not be opened: ${message}.`, 'Check the key passphrase or keystore password.');
  }
  return new StageFailure(`The TLS handshake failed: ${message}.`);
}

function saslFailure(error: unknown, settings: KafkaConnectionSettings, budgetMs: number): StageFailure {
  const message = describe(error);
  const mechanism = settings.sasl?.mechanism.toUpperCase() ?? 'none';
  if (error instanceof StageTimeout || /timeout/i.test(message)) {
    return new StageFailure(`The broker did not complete authentication within ${budgetMs} ms.`, 'The broker may be hung, or the listener may expect a different security protocol.');
  }
  if (/not supported by the server|does not support the requested SASL mechanism|unsupported sasl mechanism|UNSUPPORTED_SASL_MECHANISM/i.test(message)) {
    return new StageFailure(`This listener does not accept SASL ${mechanism} (${message}).`, 'Pick the mechanism the cluster offers on this listener (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER).');
  }
  if (/token endpoint/i.test(message)) return new StageFailure(message, 'Check the token endpoint URL, client id and client secret.');
  if (/authentication failed|invalid credentials|SASL_AUTHENTICATION_FAILED|invalid username or password/i.test(message)) {
    return new StageFailure(`The broker rejected the ${mechanism} credentials (${message}).`, 'Check the username and password (or API key and secret) stored for this profile.');
  }
  if (/Connection error|ECONNRESET|closed/i.test(message)) {
    return new StageFailure(`The broker closed the connection during authentication (${message}).`, 'The listener may expect a different security protocol or SASL mechanism.');
  }
  return new StageFailure(`Authentication failed: ${message}.`);
}

function checkClientCertificateDates(settings: KafkaConnectionSettings, now: number): void {
  const identity = settings.tls?.identity;
  if (identity?.kind !== 'pem') return;
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(identity.certificatePem);
  } catch (error) {
    throw new StageFailure(`The client certificate is not a readable PEM certificate: ${describe(error)}.`, 'Paste or select the PEM certificate again.');
  }
  if (Date.parse(certificate.validTo) < now) {
    throw new StageFailure(`This client's certificate expired on ${certificate.validTo}.`, 'Renew the client certificate and update the profile.', { 'client certificate': certificate.subject.replace(/\n/g, ', ') });
  }
  if (Date.parse(certificate.validFrom) > now) {
    throw new StageFailure(`This client's certificate is not valid before ${certificate.validFrom}.`, "Check this machine's clock.");
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.replace(/\.$/, '');
  return String(error);
}
