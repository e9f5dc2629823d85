// `odradek schemas list|get|diff|check|mode`: the profile's Schema Registry through the same service the app
// uses. --json prints the channel shapes (shared/domain/schemas/schema-schemas.ts), documented in
// docs/schema-registry.md.
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { prettySchema } from '../../../shared/domain/schemas/pretty-schema';
import { registryModes, schemaTypeNames, type RegistryMode, type SchemaTypeName } from '../../../shared/domain/schemas/schema-schemas';
import { AppFailure } from '../../../shared/ipc/result';
import { createSchemaService } from '../../main/services/schemas/schema-service';
import type { CliIo } from '../io';
import { cliServices, findProfile } from '../services';

const usage = `Usage:
  odradek schemas list  --profile NAME [--deleted] [--no-compatibility] [--json]
  odradek schemas get   --profile NAME --subject S [--version N|latest] [--deleted] [--json]
  odradek schemas diff  --profile NAME --subject S --from N [--to M|latest] [--json]
  odradek schemas check --profile NAME --subject S --schema FILE|- [--type AVRO|PROTOBUF|JSON] [--against latest|all|N] [--json]
  odradek schemas mode  --profile NAME [--subject S] [--set READWRITE|READONLY|IMPORT [--force]] [--json]
                        (without --subject: the registry's global mode; --set needs the profile's edit-schemas action)`;

type Values = {
  profile?: string;
  subject?: string;
  version?: string;
  from?: string;
  to?: string;
  schema?: string;
  type?: string;
  against?: string;
  deleted?: boolean;
  'no-compatibility'?: boolean;
  set?: string;
  force?: boolean;
  json?: boolean;
};

function versionArg(text: string | undefined, what: string, fallback: number | 'latest'): number | 'latest' {
  if (text === undefined) return fallback;
  if (text === 'latest') return 'latest';
  const number = Number(text);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${what} takes a version number (1, 2, ...) or 'latest', not '${text}'.`);
  return number;
}

class UsageError extends Error {}

export async function runSchemasCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb === undefined || verb === '--help' || verb === '-h') {
    io.out(usage);
    return verb === undefined ? 2 : 0;
  }
  if (!['list', 'get', 'diff', 'check', 'mode'].includes(verb)) {
    io.err(`odradek schemas: unknown verb '${verb}'.\n${usage}`);
    return 2;
  }
  let values: Values;
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      options: {
        profile: { type: 'string' },
        subject: { type: 'string' },
        version: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        schema: { type: 'string' },
        type: { type: 'string' },
        against: { type: 'string' },
        deleted: { type: 'boolean' },
        'no-compatibility': { type: 'boolean' },
        set: { type: 'string' },
        force: { type: 'boolean' },
        json: { type: 'boolean' },
      },
    }));
    if (!values.profile) throw new UsageError('--profile is required.');
    if (verb !== 'list' && verb !== 'mode' && !values.subject) throw new UsageError('--subject is required.');
    if (values.set !== undefined && !(registryModes as readonly string[]).includes(values.set)) throw new UsageError(`--set is one of ${registryModes.join(', ')}.`);
    if (values.force && values.set !== 'IMPORT') throw new UsageError('--force goes with --set IMPORT.');
    if (verb === 'diff' && !values.from) throw new UsageError('--from is required.');
    if (verb === 'check' && !values.schema) throw new UsageError('--schema FILE (or - for standard input) is required.');
    if (values.type !== undefined && !(schemaTypeNames as readonly string[]).includes(values.type)) throw new UsageError(`--type is one of ${schemaTypeNames.join(', ')}.`);
  } catch (error) {
    io.err(`odradek schemas ${verb}: ${(error as Error).message}\n${usage}`);
    return 2;
  }

  const services = cliServices(io);
  const schemas = createSchemaService({ profiles: services.profiles, clock: services.ports.clock });
  try {
    const profileId = (await findProfile(services, values.profile)).id;
    const print = (data: unknown) => io.out(JSON.stringify(data, null, 2));
    switch (verb) {
      case 'list': {
        const list = await schemas.list({ profileId, includeDeleted: values.deleted ?? false, withCompatibility: !values['no-compatibility'], refresh: false });
        if (values.json) {
          print(list);
          return 0;
        }
        const mode = list.observation.fallbackReason ? `${list.observation.inUse} (${list.observation.fallbackReason})` : list.observation.inUse;
        io.out(`${list.registryName} at ${list.url}: ${list.subjects.length} subject${list.subjects.length === 1 ? '' : 's'}, listed in ${mode} with ${list.requests} requests in ${Math.round(list.elapsedMs)} ms; global compatibility ${list.globalCompatibility ?? 'unknown'}`);
        const rows = list.subjects.map((row) => [row.subject, row.type ?? '?', `v${row.latestVersion}`, row.latestId === null ? '?' : `id ${row.latestId}`, row.compatibility ?? '', row.deleted ? 'soft-deleted' : '']);
        const widths = rows.reduce((max, row) => row.map((cell, i) => Math.max(max[i] ?? 0, cell.length)), [] as number[]);
        for (const row of rows) io.out(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
        return 0;
      }
      case 'get': {
        const version = await schemas.version({ profileId, subject: values.subject!, version: versionArg(values.version, '--version', 'latest'), includeDeleted: values.deleted ?? false });
        if (values.json) {
          print(version);
          return 0;
        }
        io.out(`${version.subject} v${version.version} (id ${version.id}, ${version.type}${version.deleted ? ', soft-deleted' : ''})`);
        for (const reference of version.references) io.out(`references ${reference.name} → ${reference.subject} v${reference.version}`);
        if (version.referencedBy.length > 0) io.out(`referenced by ids ${version.referencedBy.join(', ')}`);
        io.out(prettySchema(version.schema, version.type).trimEnd());
        return 0;
      }
      case 'diff': {
        const subject = values.subject!;
        const [from, to] = await Promise.all([
          schemas.version({ profileId, subject, version: versionArg(values.from, '--from', 1), includeDeleted: true }),
          schemas.version({ profileId, subject, version: versionArg(values.to, '--to', 'latest'), includeDeleted: true }),
        ]);
        const patch = createTwoFilesPatch(`${subject} v${from.version} (id ${from.id})`, `${subject} v${to.version} (id ${to.id})`, prettySchema(from.schema, from.type), prettySchema(to.schema, to.type));
        if (values.json) {
          print({ subject, from: { version: from.version, id: from.id }, to: { version: to.version, id: to.id }, identical: from.id === to.id, patch });
          return 0;
        }
        io.out(patch.trimEnd());
        return 0;
      }
      case 'check': {
        const text = await io.readInput(values.schema!);
        const against = values.against === undefined || values.against === 'latest' ? 'latest' : values.against === 'all' ? 'all' : versionArg(values.against, '--against', 'latest');
        const result = await schemas.check({ profileId, subject: values.subject!, schema: text, type: (values.type ?? 'AVRO') as SchemaTypeName, references: [], against });
        if (values.json) print(result);
        else if (!result.subjectExists) io.out(`${values.subject} does not exist yet: the draft would be its first version.`);
        else io.out(`${result.compatible ? 'Compatible' : 'Not compatible'} with ${against === 'all' ? 'every version' : against === 'latest' ? 'the latest version' : `version ${against}`} of ${values.subject}.${result.messages.map((message) => `\n  ${message}`).join('')}`);
        // Exit 1 for an incompatible draft, so scripts can gate on it.
        return result.compatible ? 0 : 1;
      }
      case 'mode': {
        const subject = values.subject ?? null;
        const result =
          values.set === undefined
            ? await schemas.mode({ profileId, subject })
            : await schemas.setMode({ profileId, subject, mode: values.set as RegistryMode, force: values.force ?? false });
        if (values.json) print(result);
        else io.out(`${subject === null ? 'The registry' : subject} is in mode ${result.mode ?? 'unknown (the registry has no mode endpoint)'}.`);
        return 0;
      }
    }
    return 2;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`odradek schemas ${verb}: ${error.message}\n${usage}`);
      return 2;
    }
    io.err(`odradek schemas ${verb}: ${error instanceof AppFailure || error instanceof Error ? error.message : String(error)}`);
    return error instanceof AppFailure && error.code === 'NOT_FOUND' ? 3 : 1;
  } finally {
    schemas.close();
  }
}
