// Guessing the format of pasted text from the shape of its keys.
import { kcatCommandPattern } from './env-parser';
import { librdkafkaOnlyKeys } from './librdkafka';

export const importFormats = ['properties', 'kpow-env', 'gateway-env', 'librdkafka'] as const;
export type ImportFormat = (typeof importFormats)[number];

export interface FormatGuess {
  format: ImportFormat;
  reason: string;
}

const keyPattern = /^\s*(?:-\s+)?(?:export\s+)?(?:(?:-e|--env)[\s=]+)?["']?([A-Za-z_][A-Za-z0-9_.-]*)\s*[=:\s]/;

export function detectImportFormat(text: string): FormatGuess {
  if (kcatCommandPattern.test(text)) return { format: 'librdkafka', reason: 'a kcat command line' };
  const keys: string[] = [];
  let dockerCommand = false;
  for (const line of text.split(/\r\n|\n|\r/)) {
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
