// Protobuf messages with protobufjs: it parses .proto text at run time (the registry hands out text,
// not descriptors) and runs in any process. The body after the header starts with the message-index
// path that names the message type among the schema file's messages (top level, then nested); imports
// come from the registry's references under their import names, and google/protobuf/*.proto from the
// definitions protobufjs ships. Values are shown in the proto3 JSON mapping's spirit: 64-bit integers
// and bytes (base64) as strings, enums by name, Timestamp and Duration as text, wrappers unwrapped.
import protobuf from 'protobufjs';
// Through protobufjs' own descriptor extension: a bare JSON import needs an import attribute that bundled main and CLI builds drop.
import descriptorNamespace from 'protobufjs/ext/descriptor/index.js';
import { readMessageIndexes, writeMessageIndexes, WireFormatError } from './confluent-wire-format';
import { SchemaCompileError, SchemaMismatchError, SchemaValidationError, errorMessage, type EncodeOptions, type SchemaCodec, type SchemaDocument } from './schema-codec';

const { Root, Type, Enum, MapField, Reader } = protobuf;
type ProtoType = protobuf.Type;

const TO_OBJECT: protobuf.IConversionOptions = { longs: String, enums: String, bytes: String, defaults: true, json: true };


export function compileProtobuf(document: SchemaDocument): SchemaCodec {
  const root = new Root();
  const loaded = new Set<string>();
  const load = (name: string, text: string, references: SchemaDocument['references']) => {
    for (const reference of references) {
      if (!loaded.has(reference.name)) {
        loaded.add(reference.name);
        load(reference.name, reference.schema.schema, reference.schema.references);
      }
    }
    let parsed: protobuf.IParserResult;
    try {
      parsed = protobuf.parse(text, root, { keepCase: true, alternateCommentMode: true });
    } catch (error) {
      throw new SchemaCompileError(`${name === '' ? 'The schema' : `The referenced schema '${name}'`} is not valid .proto text: ${errorMessage(error)}`);
    }
    for (const imported of [...(parsed.imports ?? []), ...(parsed.weakImports ?? [])]) {
      if (loaded.has(imported)) continue;
      loaded.add(imported);
      const builtIn = wellKnownFile(imported);
      if (!builtIn) throw new SchemaCompileError(`${name === '' ? 'The schema' : `'${name}'`} imports '${imported}', for which the registry gave no reference.`);
      root.addJSON(builtIn.nested ?? {});
    }
  };
  load('', document.schema, document.references);
  try {
    root.resolveAll();
  } catch (error) {
    throw new SchemaCompileError(`The Protobuf schema does not resolve: ${errorMessage(error)}`);
  }

  // The index path counts messages in the schema's own file in declaration order, which only a parse of that file alone shows.
  const own = protobuf.parse(document.schema, new Root(), { keepCase: true, alternateCommentMode: true });
  const ownScope: protobuf.NamespaceBase = own.package ? own.root.lookup(own.package) as protobuf.Namespace : own.root;
  const prefix = own.package ? `.${own.package}` : '';
  const messagesIn = (scope: protobuf.NamespaceBase) => scope.nestedArray.filter((nested): nested is ProtoType => nested instanceof Type);
  const topLevel = messagesIn(ownScope);
  if (topLevel.length === 0) throw new SchemaCompileError('The Protobuf schema defines no message type.');
  const typeAt = (indexes: number[]): ProtoType => {
    let scope: protobuf.NamespaceBase = ownScope;
    let type: ProtoType | undefined;
    for (const index of indexes) {
      type = messagesIn(scope)[index];
      if (!type) throw new SchemaMismatchError(`message index path [${indexes.join(', ')}] names no message in the schema (it has ${topLevel.length} top-level message${topLevel.length === 1 ? '' : 's'})`);
      scope = type;
    }
    return root.lookupType(`${prefix}.${pathNames(type!, ownScope).join('.')}`);
  };
  const pathOf = (type: ProtoType): number[] => {
    const names = pathNames(own.root.lookupType(type.fullName), ownScope);
    const indexes: number[] = [];
    let scope: protobuf.NamespaceBase = ownScope;
    for (const name of names) {
      const siblings = messagesIn(scope);
      const index = siblings.findIndex((candidate) => candidate.name === name);
      indexes.push(index);
      scope = siblings[index]!;
    }
    return indexes;
  };
  const typeFor = (options?: EncodeOptions): ProtoType => {
    if (options?.messageType === undefined) return typeAt([0]);
    const wanted = options.messageType.startsWith('.') ? options.messageType : `.${options.messageType}`;
    let type: ProtoType | undefined;
    try {
      type = own.root.lookupType(wanted);
    } catch {
      type = undefined;
    }
    if (!type) throw new SchemaValidationError([`the schema has no message type '${options.messageType}' of its own`]);
    return root.lookupType(type.fullName);
  };

  return {
    type: 'PROTOBUF',
    decode(body) {
      let path: { indexes: number[]; bodyOffset: number };
      try {
        path = readMessageIndexes(body);
      } catch (error) {
        throw new SchemaMismatchError(error instanceof WireFormatError ? error.message : errorMessage(error));
      }
      const type = typeAt(path.indexes);
      let message: protobuf.Message;
      try {
        message = type.decode(Reader.create(body.subarray(path.bodyOffset)));
      } catch (error) {
        throw new SchemaMismatchError(`the bytes are not a valid ${type.fullName.slice(1)} message (${errorMessage(error)})`);
      }
      const value = type.toObject(message, TO_OBJECT);
      return { value, text: JSON.stringify(value), messageType: type.fullName.slice(1) };
    },
    validate(value, options) {
      try {
        return checkMessage(typeFor(options), value, '');
      } catch (error) {
        if (error instanceof SchemaValidationError) return error.problems;
        throw error;
      }
    },
    encode(value, options) {
      const type = typeFor(options);
      const problems = checkMessage(type, value, '');
      if (problems.length > 0) throw new SchemaValidationError(problems);
      const body = type.encode(type.fromObject(prepareMessage(type, value) as Record<string, unknown>)).finish();
      const indexes = writeMessageIndexes(pathOf(type));
      const framed = new Uint8Array(indexes.length + body.length);
      framed.set(indexes);
      framed.set(body, indexes.length);
      return framed;
    },
  };
}

/** Names from the file's scope down to the type, e.g. ['Order', 'Line']. */
function pathNames(type: protobuf.ReflectionObject, scope: protobuf.NamespaceBase): string[] {
  const names: string[] = [];
  for (let current: protobuf.ReflectionObject | null = type; current && current !== scope; current = current.parent) names.unshift(current.name);
  return names;
}

function wellKnownFile(name: string): { nested?: Record<string, protobuf.AnyNestedObject> } | null {
  if (name === 'google/protobuf/descriptor.proto') return { nested: { google: { nested: { protobuf: (descriptorNamespace as unknown as protobuf.Namespace).toJSON() } } } };
  return (protobuf.common.get(name) as { nested?: Record<string, protobuf.AnyNestedObject> } | null) ?? null;
}

// ---- checking a JSON value against a message type before encoding (fromObject alone coerces silently) ----

const INT32 = new Set(['int32', 'sint32', 'sfixed32']);
const UINT32 = new Set(['uint32', 'fixed32']);
const INT64 = new Set(['int64', 'sint64', 'sfixed64', 'uint64', 'fixed64']);
const WRAPPERS = new Map([
  ['.google.protobuf.DoubleValue', 'double'],
  ['.google.protobuf.FloatValue', 'float'],
  ['.google.protobuf.Int64Value', 'int64'],
  ['.google.protobuf.UInt64Value', 'uint64'],
  ['.google.protobuf.Int32Value', 'int32'],
  ['.google.protobuf.UInt32Value', 'uint32'],
  ['.google.protobuf.BoolValue', 'bool'],
  ['.google.protobuf.StringValue', 'string'],
  ['.google.protobuf.BytesValue', 'bytes'],
]);

function checkMessage(type: ProtoType, value: unknown, path: string): string[] {
  const where = path === '' ? 'the value' : path;
  const special = checkWellKnown(type, value, where);
  if (special !== undefined) return special;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${where} must be an object (a ${type.name} message)`];
  const problems: string[] = [];
  const byName = new Map<string, protobuf.Field>();
  for (const field of type.fieldsArray) {
    byName.set(field.name, field);
    if (field.options?.json_name) byName.set(String(field.options.json_name), field);
  }
  for (const [key, fieldValue] of Object.entries(value)) {
    const field = byName.get(key);
    const at = path === '' ? key : `${path}.${key}`;
    if (!field) {
      problems.push(`${at} is not a field of ${type.fullName.slice(1)}`);
      continue;
    }
    if (fieldValue === null) continue;
    field.resolve();
    if (field instanceof MapField) {
      if (typeof fieldValue !== 'object' || Array.isArray(fieldValue)) problems.push(`${at} must be an object (a map)`);
      else for (const [mapKey, entry] of Object.entries(fieldValue as Record<string, unknown>)) problems.push(...checkField(field, entry, `${at}.${mapKey}`));
    } else if (field.repeated) {
      if (!Array.isArray(fieldValue)) problems.push(`${at} must be an array (a repeated field)`);
      else fieldValue.forEach((entry: unknown, index) => problems.push(...checkField(field, entry, `${at}[${index}]`)));
    } else {
      problems.push(...checkField(field, fieldValue, at));
    }
  }
  return problems;
}

function checkField(field: protobuf.Field, value: unknown, at: string): string[] {
  const resolved = field.resolvedType;
  if (resolved instanceof Type) return checkMessage(resolved, value, at);
  if (resolved instanceof Enum) {
    if (typeof value === 'string' && value in resolved.values) return [];
    if (typeof value === 'number' && Number.isInteger(value)) return [];
    return [`${at} must be one of ${Object.keys(resolved.values).join(', ')}`];
  }
  return checkScalar(field.type, value, at);
}

function checkScalar(type: string, value: unknown, at: string): string[] {
  const isInteger = (candidate: unknown) => (typeof candidate === 'number' && Number.isInteger(candidate)) || (typeof candidate === 'string' && /^-?\d+$/.test(candidate));
  if (INT32.has(type)) return isInteger(value) && Number(value) >= -(2 ** 31) && Number(value) < 2 ** 31 ? [] : [`${at} must be a 32-bit integer`];
  if (UINT32.has(type)) return isInteger(value) && Number(value) >= 0 && Number(value) < 2 ** 32 ? [] : [`${at} must be an unsigned 32-bit integer`];
  if (INT64.has(type)) return isInteger(value) && (!type.startsWith('u') && !type.startsWith('fixed') || !String(value).startsWith('-')) ? [] : [`${at} must be a 64-bit integer (a number or a string of digits)`];
  switch (type) {
    case 'double':
    case 'float':
      return typeof value === 'number' || value === 'NaN' || value === 'Infinity' || value === '-Infinity' ? [] : [`${at} must be a number`];
    case 'bool':
      return typeof value === 'boolean' ? [] : [`${at} must be true or false`];
    case 'string':
      return typeof value === 'string' ? [] : [`${at} must be a string`];
    case 'bytes':
      return typeof value === 'string' && /^[A-Za-z0-9+/_-]*={0,2}$/.test(value) ? [] : [`${at} must be base64 text (bytes)`];
    default:
      return [];
  }
}

function checkWellKnown(type: ProtoType, value: unknown, where: string): string[] | undefined {
  const scalar = WRAPPERS.get(type.fullName);
  if (scalar !== undefined && (typeof value !== 'object' || value === null)) return checkScalar(scalar, value, where);
  if (type.fullName === '.google.protobuf.Timestamp' && typeof value === 'string') return Number.isNaN(Date.parse(value)) ? [`${where} must be an RFC 3339 time such as 2026-12-01T10:00:00Z`] : [];
  if (type.fullName === '.google.protobuf.Duration' && typeof value === 'string') return /^-?\d+(\.\d{1,9})?s$/.test(value) ? [] : [`${where} must be a duration such as 1.5s`];
  return undefined;
}

/**
 * Well-known types in their text forms (Timestamp, Duration, unwrapped wrappers) turned into the objects
 * protobufjs' generated fromObject expects (it refuses a string where a message goes).
 */
function prepareMessage(type: ProtoType, value: unknown): unknown {
  if (type.fullName === '.google.protobuf.Timestamp' && typeof value === 'string') {
    const millis = Date.parse(value);
    const digits = /\.(\d{1,9})/.exec(value.replace(/(Z|[+-]\d\d:\d\d)$/i, ''))?.[1];
    const seconds = Math.floor(millis / 1000);
    return { seconds, nanos: digits === undefined ? 0 : Number(digits.padEnd(9, '0')) };
  }
  if (type.fullName === '.google.protobuf.Duration' && typeof value === 'string') {
    const [whole = '0', part = ''] = value.slice(0, -1).split('.');
    const nanos = Number(part.padEnd(9, '0') || '0');
    return { seconds: whole, nanos: whole.startsWith('-') ? -nanos : nanos };
  }
  if (WRAPPERS.has(type.fullName) && (typeof value !== 'object' || value === null)) return { value };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const prepared: Record<string, unknown> = {};
  for (const [key, fieldValue] of Object.entries(value)) {
    const field = type.fields[key] ?? type.fieldsArray.find((candidate) => candidate.options?.json_name === key);
    const resolved = field?.resolve().resolvedType;
    if (!field || !(resolved instanceof Type) || fieldValue === null) {
      prepared[key] = fieldValue;
    } else if (field instanceof MapField) {
      prepared[key] = Object.fromEntries(Object.entries(fieldValue as Record<string, unknown>).map(([mapKey, entry]) => [mapKey, prepareMessage(resolved, entry)]));
    } else if (field.repeated && Array.isArray(fieldValue)) {
      prepared[key] = fieldValue.map((entry: unknown) => prepareMessage(resolved, entry));
    } else {
      prepared[key] = prepareMessage(resolved, fieldValue);
    }
  }
  return prepared;
}

// ---- Timestamp, Duration and the wrapper types shown as text and plain values ----

function longToNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return Number(value);
  if (value && typeof (value as { toNumber?: unknown }).toNumber === 'function') return (value as { toNumber(): number }).toNumber();
  return Number(value ?? 0);
}

function fraction(nanos: number): string {
  if (nanos === 0) return '';
  const digits = String(nanos).padStart(9, '0');
  return `.${digits.endsWith('000000') ? digits.slice(0, 3) : digits.endsWith('000') ? digits.slice(0, 6) : digits}`;
}

/** protobufjs' own extension point for well-known types (it ships one for Any); set once per process. */
function installWellKnownWrappers(): void {
  const wrappers = protobuf.wrappers as Record<string, protobuf.IWrapper>;
  if (wrappers['.google.protobuf.Timestamp']) return;
  wrappers['.google.protobuf.Timestamp'] = {
    fromObject(this: ProtoType, object: Record<string, unknown>) {
      return this.fromObject(prepareMessage(this, object) as Record<string, unknown>);
    },
    toObject(this: ProtoType, message: protobuf.Message, options?: protobuf.IConversionOptions) {
      if (!options?.json) return this.toObject(message, options);
      const { seconds, nanos } = message as unknown as { seconds: unknown; nanos: number };
      const iso = new Date(longToNumber(seconds) * 1000).toISOString().replace(/\.000Z$/, '');
      return `${iso}${fraction(nanos ?? 0)}Z` as unknown as Record<string, unknown>;
    },
  };
  wrappers['.google.protobuf.Duration'] = {
    fromObject(this: ProtoType, object: Record<string, unknown>) {
      return this.fromObject(prepareMessage(this, object) as Record<string, unknown>);
    },
    toObject(this: ProtoType, message: protobuf.Message, options?: protobuf.IConversionOptions) {
      if (!options?.json) return this.toObject(message, options);
      const { seconds, nanos } = message as unknown as { seconds: unknown; nanos: number };
      const secondsNumber = longToNumber(seconds);
      const sign = secondsNumber < 0 || (nanos ?? 0) < 0 ? '-' : '';
      return `${sign}${Math.abs(secondsNumber)}${fraction(Math.abs(nanos ?? 0))}s` as unknown as Record<string, unknown>;
    },
  };
  for (const name of WRAPPERS.keys()) {
    wrappers[name] = {
      fromObject(this: ProtoType, object: Record<string, unknown> | unknown) {
        return this.fromObject(typeof object === 'object' && object !== null ? (object as Record<string, unknown>) : { value: object });
      },
      toObject(this: ProtoType, message: protobuf.Message, options?: protobuf.IConversionOptions) {
        const plain = this.toObject(message, options);
        return (options?.json ? plain.value : plain) as Record<string, unknown>;
      },
    };
  }
}

installWellKnownWrappers();
