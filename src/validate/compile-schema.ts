/**
 * The ajv validator for the notice schema. Compiling the schema takes ~200 ms, paid by every CLI
 * run, so `npm run build` also writes it as standalone code (`dist/validate/notice-validator.cjs`,
 * see scripts/build-validator.mjs); it is used when present and made from the same schema text,
 * else the schema is compiled at run time (as under the test runner).
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { noticeSchema, SCHEMA_PATH, type SchemaNode } from '../notice/schema.js';

// ajv is CommonJS and only needed to compile (the precompiled validator needs only its small
// runtime helpers): it is required on first use, not loaded by every CLI run (~50 ms).
const require = createRequire(import.meta.url);
type AddFormats = (ajv: Ajv2020, formats: string[]) => Ajv2020;
type Standalone = (ajv: Ajv2020, validate: ValidateFunction) => string;
const cjsDefault = <T>(module: unknown): T => ((module as { default?: T }).default ?? module) as T;

/** Where the precompiled validator lives (beside this module in dist/). */
export const STANDALONE_PATH = fileURLToPath(new URL('./notice-validator.cjs', import.meta.url));

let compiled: ValidateFunction | undefined;

/**
 * ajv's options. `unicode: false` measures maxLength in UTF-16 code units rather than code points:
 * counting code points was a fifth of validation time, and the limits are generous caps that a
 * character outside the Basic Multilingual Plane (counted twice) does not come near.
 */
const AJV_OPTIONS = { strict: true, allErrors: true, coerceTypes: false, $data: false, useDefaults: false, validateFormats: true, unicode: false } as const;

/**
 * ajv 8 marks `unicode` deprecated (still honoured, see its limitLength.js) and says so on every
 * compile; that one notice is dropped, everything else goes to the console. Should a later ajv
 * ignore the option, lengths are counted in code points again: correct, only slower.
 */
const AJV_LOGGER = {
  log: (...args: unknown[]) => console.log(...args),
  warn: (...args: unknown[]) => {
    if (!String(args[0]).startsWith('DEPRECATED: option unicode')) console.warn(...args);
  },
  error: (...args: unknown[]) => console.error(...args),
};

function newAjv(source: boolean): Ajv2020 {
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source }, logger: AJV_LOGGER });
  cjsDefault<AddFormats>(require('ajv-formats'))(ajv, ['date', 'email', 'uri']);
  // Editor help (scripts/gen-schema-docs.mjs), not validation: known to ajv so strict mode accepts it.
  ajv.addVocabulary(['markdownDescription', 'markdownEnumDescriptions']);
  return ajv;
}

/** SHA-256 of the schema file's text and ajv's options: ties the precompiled validator to what it came from. */
export function schemaHash(): string {
  return createHash('sha256').update(readFileSync(SCHEMA_PATH)).update(JSON.stringify(AJV_OPTIONS)).digest('hex');
}

/**
 * Standalone CommonJS source of the validator, stamped with the schema's hash. It is compiled from
 * the schema without its annotations: the code embeds the schema objects it refers to (for enums
 * and the keys an object may have), descriptions and all, which were a third of the file and its
 * only characters outside ASCII (which made V8 read all of it as a two-byte string).
 */
export function standaloneValidatorSource(): string {
  const ajv = newAjv(true);
  return `// Generated from schema/notice.schema.json by scripts/build-validator.mjs.\n// schema-sha256: ${schemaHash()}\n${cjsDefault<Standalone>(require('ajv/dist/standalone/index.js'))(ajv, ajv.compile(withoutAnnotations(noticeSchema())))}`;
}

/** Keywords that only describe (editor help, documentation); nothing is checked with them. */
const ANNOTATIONS = new Set(['title', 'description', 'markdownDescription', 'markdownEnumDescriptions']);
/** Keywords whose value is a schema, a list of schemas, or a map of names to schemas. */
const SUBSCHEMA = new Set(['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems']);
const SUBSCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SUBSCHEMA_MAPS = new Set(['properties', '$defs', 'patternProperties', 'dependentSchemas']);

/**
 * A copy of a schema without annotation keywords. Only keywords that hold schemas are entered, so
 * a property called `description` or an enum value stays as it is.
 * @param node a schema
 */
export function withoutAnnotations(node: SchemaNode): SchemaNode {
  const out: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key)) continue;
    const sub = (v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? withoutAnnotations(v as SchemaNode) : v);
    if (SUBSCHEMA.has(key)) out[key] = sub(value);
    else if (SUBSCHEMA_LISTS.has(key) && Array.isArray(value)) out[key] = value.map(sub);
    else if (SUBSCHEMA_MAPS.has(key) && value !== null && typeof value === 'object') out[key] = Object.fromEntries(Object.entries(value).map(([name, v]) => [name, sub(v)]));
    else out[key] = value;
  }
  return out;
}

/** Load a precompiled validator if it exists and matches the schema. */
export function loadStandalone(file: string): ValidateFunction | undefined {
  if (!existsSync(file)) return undefined;
  // The stamp is in the first lines: read those, not the whole file (require reads it once more).
  const fd = openSync(file, 'r');
  const bytes = Buffer.alloc(300);
  let length: number;
  try {
    length = readSync(fd, bytes, 0, bytes.length, 0);
  } finally {
    closeSync(fd);
  }
  const head = bytes.toString('utf8', 0, length);
  if (!head.includes(`schema-sha256: ${schemaHash()}`)) return undefined;
  return require(file) as ValidateFunction;
}

/** The validator (strict, all errors, no coercion, no $data): precompiled when possible. */
export function schemaValidator(): ValidateFunction {
  compiled ??= loadStandalone(STANDALONE_PATH) ?? newAjv(false).compile(noticeSchema());
  return compiled;
}

/** Validate plain data against the schema; returns ajv's raw errors (empty when valid). */
export function schemaErrors(data: unknown): ErrorObject[] {
  const validate = schemaValidator();
  return validate(data) ? [] : [...(validate.errors ?? [])];
}
