// JSON Schema messages: the body after the header is UTF-8 JSON text. Decoding parses it and validates it
// with ajv (the draft the schema's `$schema` names: 2020-12, 2019-09, else draft-07 rules); a message that
// parses but breaks the schema is still shown, with its validation errors. References are added to ajv
// under the name the referring schema uses in `$ref`.
import { Ajv, type AnySchema, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { decodeUtf8 } from './payload';
import { SchemaCompileError, SchemaMismatchError, SchemaValidationError, errorMessage, type SchemaCodec, type SchemaDocument } from './schema-codec';

// ajv-formats is CommonJS with a default export; bundlers and Node's loader disagree on where it lands.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const encoder = new TextEncoder();
const MAX_ERRORS_SHOWN = 20;

export function compileJsonSchema(document: SchemaDocument): SchemaCodec {
  const root = parseSchemaText(document.schema, 'the schema');
  const options = { strict: false, allErrors: true, validateFormats: true } as const;
  const draft = typeof root === 'object' && root !== null && '$schema' in root ? String((root as { $schema: unknown }).$schema) : '';
  const ajv: Ajv = draft.includes('2020-12') ? new Ajv2020(options) : draft.includes('2019-09') ? new Ajv2019(options) : new Ajv(options);
  addFormats(ajv);
  const added = new Set<string>();
  const addReferences = (references: SchemaDocument['references']) => {
    for (const reference of references) {
      if (added.has(reference.name)) continue;
      added.add(reference.name);
      addReferences(reference.schema.references);
      try {
        ajv.addSchema(withoutUnknownDraft(parseSchemaText(reference.schema.schema, `reference '${reference.name}'`)), reference.name);
      } catch (error) {
        throw new SchemaCompileError(`The referenced JSON schema '${reference.name}' cannot be used: ${errorMessage(error)}`);
      }
    }
  };
  addReferences(document.references);
  let validateValue: ValidateFunction;
  try {
    validateValue = ajv.compile(withoutUnknownDraft(root));
  } catch (error) {
    throw new SchemaCompileError(`The JSON schema cannot be compiled: ${errorMessage(error)}`);
  }
  const problemsOf = (value: unknown): string[] => (validateValue(value) ? [] : (validateValue.errors ?? []).slice(0, MAX_ERRORS_SHOWN).map(describeAjvError));

  return {
    type: 'JSON',
    decode(body) {
      const text = decodeUtf8(body);
      if (text === null) throw new SchemaMismatchError('the body after the schema id is not valid UTF-8, so it is not JSON');
      let value: unknown;
      try {
        value = JSON.parse(text) as unknown;
      } catch (error) {
        throw new SchemaMismatchError(`the body after the schema id is not valid JSON (${errorMessage(error)})`);
      }
      const validationErrors = problemsOf(value);
      return { value, text: JSON.stringify(value), ...(validationErrors.length > 0 ? { validationErrors } : {}) };
    },
    validate: (value) => problemsOf(value),
    encode(value) {
      const problems = problemsOf(value);
      if (problems.length > 0) throw new SchemaValidationError(problems);
      return encoder.encode(JSON.stringify(value));
    },
  };
}

function parseSchemaText(text: string, what: string): AnySchema {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'boolean' || (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))) return parsed as AnySchema;
  } catch (error) {
    throw new SchemaCompileError(`${what} is not JSON: ${errorMessage(error)}`);
  }
  throw new SchemaCompileError(`${what} is not a JSON schema (an object or a boolean)`);
}

/** Drafts ajv has no meta-schema for (04, 06) are checked with draft-07 rules instead of being refused. */
function withoutUnknownDraft(schema: AnySchema): AnySchema {
  if (typeof schema !== 'object' || schema === null || !('$schema' in schema)) return schema;
  const draft = String(schema.$schema);
  if (/draft-0[46]\//.test(draft)) {
    const { $schema: _ignored, ...rest } = schema;
    return rest;
  }
  return schema;
}

function describeAjvError(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the value' : error.instancePath;
  const extra = error.keyword === 'additionalProperties' ? ` ('${String((error.params as { additionalProperty?: unknown }).additionalProperty)}')` : '';
  return `${where} ${error.message ?? `fails ${error.keyword}`}${extra}`;
}
