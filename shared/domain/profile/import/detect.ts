// Guessing the format of pasted text from the shape of its keys.
import { kcatCommandPattern } from './env-parser';
import { librdkafkaOnlyKeys } from './librdkafka';

export const importFormats = ['properties', 'kpow-env', 'gateway-env', 'gateway-cluster-config', 'librdkafka'] as const;
export type ImportFormat = (typeof importFormats)[number];

export interface FormatGuess {
  format: ImportFormat;
  reason: string;
}

const keyPattern = /^\s*(?:-\s+)?(?:export\s+)?(?:(?:-e|--env)[\s=]+)?["']?([A-Za-z_][A-Za-z0-9_.-]*)\s*[=:\s]/;

/**
 * Physical lines joined where a line ends in an odd number of backslashes (a continuation in shell,
 * env files and .properties alike), so a JAAS value continued over lines is one line here: its
 * `oauth.client.id="…"` parts are not taken for dotted keys.
 */
export function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let pending = '';
  for (const line of text.split(/\r\n|\n|\r/)) {
    const trailing = /\\*$/.exec(line)?.[0].length ?? 0;
    if (trailing % 2 === 1) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    lines.push(pending + line);
    pending = '';
  }
  if (pending !== '') lines.push(pending);
  return lines;
}

/** Conduktor Gateway's cluster-config file: `config:` then one section per backing cluster (`main:`, `failover:`). */
const clusterConfigPattern = /^\s*config:\s*(#.*)?$/m;
const clusterSectionPattern = /^\s*[A-Za-z0-9_-]+:\s*(#.*)?$/m;

export function detectImportFormat(text: string): FormatGuess {
  if (kcatCommandPattern.test(text)) return { format: 'librdkafka', reason: 'a kcat command line' };
  if (clusterConfigPattern.test(text) && text.split(/\r\n|\n|\r/).filter((line) => clusterSectionPattern.test(line)).length >= 2) {
    return { format: 'gateway-cluster-config', reason: 'a config: section with one block per backing cluster (Conduktor Gateway cluster-config file)' };
  }
  const keys: string[] = [];
  let dockerCommand = false;
  for (const line of logicalLines(text)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('!')) continue;
    if (/^(docker|podman)\s/.test(trimmed)) dockerCommand = true;
    for (const part of trimmed.split(/\s(?=(?:-e|--env)[\s=])/)) {
      const key = keyPattern.exec(part)?.[1];
      if (key) keys.push(key);
    }
  }
  const envKeys = keys.filter((key) => /^[A-Z][A-Z0-9_]*$/.test(key) && key.includes('_') || key === 'BOOTSTRAP');
  const dottedKeys = keys.filter((key) => /^[a-z][a-z0-9]*(\.[a-z0-9-]+)+$/.test(key));
  if (envKeys.length > dottedKeys.length || (dockerCommand && envKeys.length > 0)) {
    const gateway = envKeys.filter((key) => key.startsWith('KAFKA_') || key.startsWith('GATEWAY_')).length;
    if (gateway > 0 && gateway >= envKeys.length / 2) return { format: 'gateway-env', reason: 'KAFKA_*/GATEWAY_* environment variables (Conduktor Gateway style)' };
    return { format: 'kpow-env', reason: dockerCommand ? 'a docker run command with --env variables (Kpow style)' : 'upper-case environment variables (Kpow style)' };
  }
  const librdkafka = dottedKeys.filter((key) => librdkafkaOnlyKeys.includes(key));
  if (librdkafka.length > 0) return { format: 'librdkafka', reason: `librdkafka-only keys such as ${librdkafka[0]}` };
  return { format: 'properties', reason: 'dotted lower-case keys (Java client properties)' };
}
