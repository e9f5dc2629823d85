// Kpow resource paths (`["cluster", "*", "topic", "tx-*"]`) and the name patterns inside them.
// Parsing is separate from the YAML walk so the CLI, the editor and main-process enforcement share it.

/** A resource path exactly as written in a policy file. */
export type ResourcePath = readonly string[];

export type ResourceDomain = 'cluster' | 'schema' | 'connect' | 'ksqldb';

export type ResourceType =
  | 'topic'
  | 'group'
  | 'broker'
  | 'principal'
  | 'subject'
  | 'connector'
  | 'ksqldb-source'
  | 'ksqldb-query';

export const resourceTypesByDomain: Readonly<Record<ResourceDomain, readonly ResourceType[]>> = {
  cluster: ['topic', 'group', 'broker', 'principal'],
  schema: ['subject'],
  connect: ['connector'],
  ksqldb: ['ksqldb-source', 'ksqldb-query'],
};

const domains = Object.keys(resourceTypesByDomain) as ResourceDomain[];

/** `tx-topic` (exact), `tx-top*` (prefix), `*-topic` (suffix) or `*` (any). */
export type NamePattern =
  | { kind: 'any' }
  | { kind: 'exact'; value: string }
  | { kind: 'prefix'; value: string }
  | { kind: 'suffix'; value: string };

export type ResourcePattern =
  | { kind: 'all' }
  | { kind: 'domain'; domain: ResourceDomain; id: NamePattern }
  | { kind: 'resource'; domain: ResourceDomain; id: NamePattern; type: ResourceType; name: NamePattern };

/** A problem with one element of a path; `index` points at the offending element (or -1 for the whole path). */
export interface PathProblem {
  index: number;
  message: string;
}

export type PathParseResult = { ok: true; pattern: ResourcePattern } | { ok: false; problem: PathProblem };

export function formatPath(path: ResourcePath): string {
  return `[${path.map((part) => JSON.stringify(part)).join(',')}]`;
}

export function parseNamePattern(text: string): NamePattern | { error: string } {
  if (text === '*') return { kind: 'any' };
  if (text.length === 0) return { error: 'an empty name matches nothing' };
  const starCount = text.split('*').length - 1;
  if (starCount === 0) return { kind: 'exact', value: text };
  if (starCount === 1 && text.endsWith('*')) return { kind: 'prefix', value: text.slice(0, -1) };
  if (starCount === 1 && text.startsWith('*')) return { kind: 'suffix', value: text.slice(1) };
  return {
    error: `invalid name pattern ${JSON.stringify(text)}: "*" may stand alone or start or end a pattern (exact, prefix*, *suffix)`,
  };
}

export function matchesName(pattern: NamePattern, name: string): boolean {
  switch (pattern.kind) {
    case 'any':
      return true;
    case 'exact':
      return name === pattern.value;
    case 'prefix':
      return name.startsWith(pattern.value);
    case 'suffix':
      return name.endsWith(pattern.value);
  }
}

/** An ID matches a domain instance by its own id (e.g. the Kafka cluster id) or by its profile name; `*` matches any. */
export function matchesId(pattern: NamePattern, id: string, profileName?: string): boolean {
  return matchesName(pattern, id) || (profileName !== undefined && matchesName(pattern, profileName));
}

export function parseResourcePath(path: ResourcePath): PathParseResult {
  const shown = formatPath(path);
  const fail = (index: number, message: string): PathParseResult => ({ ok: false, problem: { index, message } });
  const [domainText, idText, typeText, nameText] = path;
  if (domainText === undefined) return fail(-1, 'empty resource path []; expected e.g. ["cluster", "*", "topic", "tx-*"]');
  if (domainText === '*') {
    return path.length === 1 ? { ok: true, pattern: { kind: 'all' } } : fail(1, `["*"] takes nothing after it, found ${shown}`);
  }
  if (!isDomain(domainText)) {
    return fail(0, `unknown resource ${JSON.stringify(domainText)} in ${shown}; expected "*", ${domains.map((d) => `"${d}"`).join(', ')}`);
  }
  if (idText === undefined) return fail(-1, `${shown} needs an id: [${JSON.stringify(domainText)}, "<id or profile name>" | "*", ...]`);
  // Kpow identifies an instance by its exact id or environment name; only the whole-ID wildcard exists.
  if (idText !== '*' && idText.includes('*')) {
    return fail(1, `id ${JSON.stringify(idText)} in ${shown} cannot be a pattern: use the exact id, the profile name, or "*"`);
  }
  if (idText === '') return fail(1, `empty id in ${shown}; use the exact id, the profile name, or "*"`);
  const id: NamePattern = idText === '*' ? { kind: 'any' } : { kind: 'exact', value: idText };
  if (typeText === undefined) return { ok: true, pattern: { kind: 'domain', domain: domainText, id } };
  const allowedTypes = resourceTypesByDomain[domainText];
  if (!(allowedTypes as readonly string[]).includes(typeText)) {
    return fail(
      2,
      `unknown ${domainText} resource type ${JSON.stringify(typeText)} in ${shown}; expected ${allowedTypes.map((t) => `"${t}"`).join(' or ')}`,
    );
  }
  if (nameText === undefined) return fail(-1, `${shown} needs a name pattern after ${JSON.stringify(typeText)}`);
  if (path.length > 4) return fail(4, `${shown} has ${path.length} elements; a resource path has at most 4`);
  const name = parseNamePattern(nameText);
  if ('error' in name) return fail(3, `${name.error} in ${shown}`);
  return { ok: true, pattern: { kind: 'resource', domain: domainText, id, type: typeText as ResourceType, name } };
}

function isDomain(text: string): text is ResourceDomain {
  return (domains as string[]).includes(text);
}

/** A concrete resource (or a whole domain instance when `type` is absent) to test against patterns. */
export interface ResourceRef {
  domain: ResourceDomain;
  /** Kafka cluster id, schema registry id, connect cluster id or ksqlDB id. */
  id: string;
  /** The profile (environment) name the domain instance is known by, matched as an alternative id. */
  profileName?: string;
  type?: ResourceType;
  name?: string;
}

/** Whether a pattern covers a resource: `["cluster", "*"]` covers every topic of every cluster. */
export function patternCovers(pattern: ResourcePattern, ref: ResourceRef): boolean {
  if (pattern.kind === 'all') return true;
  if (pattern.domain !== ref.domain || !matchesId(pattern.id, ref.id, ref.profileName)) return false;
  if (pattern.kind === 'domain') return true;
  return ref.type === pattern.type && ref.name !== undefined && matchesName(pattern.name, ref.name);
}

/** Reads a concrete path such as `["cluster", "abc", "topic", "orders"]` into a reference. */
export function resourceRefFromPath(path: ResourcePath, profileName?: string): ResourceRef | null {
  const [domain, id, type, name] = path;
  if (domain === undefined || !isDomain(domain) || id === undefined || path.length === 3 || path.length > 4) return null;
  if (type !== undefined && !(resourceTypesByDomain[domain] as readonly string[]).includes(type)) return null;
  return {
    domain,
    id,
    ...(profileName === undefined ? {} : { profileName }),
    ...(type === undefined ? {} : { type: type as ResourceType, name }),
  };
}

export function pathOfRef(ref: ResourceRef): ResourcePath {
  return ref.type === undefined || ref.name === undefined ? [ref.domain, ref.id] : [ref.domain, ref.id, ref.type, ref.name];
}
