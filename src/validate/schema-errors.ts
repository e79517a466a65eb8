/**
 * ajv's schema errors reworded for a legal editor: "controller.address.country must be a two-letter
 * ISO code such as 'DE', not 'Germany'", with the key path to point at and, where a close match
 * exists, what was probably meant.
 */
import type { ErrorObject } from 'ajv';
import type { DiagnosticCode } from '../diagnostics.js';
import { closeMatch } from '../did-you-mean.js';
import { formatPath, pointerToPath, valueAt, type KeyPath } from '../notice/path.js';
import { defName, noticeSchema, type SchemaNode } from '../notice/schema.js';
import type { CheckFinding } from './types.js';

const FORMAT_BY_DEF: Record<string, [code: DiagnosticCode, explain: (value: string) => string]> = {
  Id: ['invalid-id', (v) => `must be short lower-case words joined by hyphens, such as 'call-recordings', not '${v}'`],
  IdRef: ['invalid-id', (v) => `must be the id of another clause: lower-case words joined by hyphens, not '${v}'`],
  Country: ['invalid-country', (v) => `must be a two-letter ISO code such as 'DE', not '${v}'`],
  Locale: ['invalid-locale', (v) => `must be a language tag such as 'en', 'lv' or 'de-AT', not '${v}'`],
  Email: ['invalid-email', (v) => `must be an e-mail address such as 'privacy@example.com', not '${v}'`],
  Url: ['invalid-url', (v) => `must be a web address starting with https://, not '${v}'`],
  Phone: ['invalid-phone', (v) => `must be a telephone number with country code such as '+49 841 98 18 90', not '${v}'`],
  Duration: ['invalid-duration', (v) => `must be an ISO 8601 period such as 'P6M' (six months) or 'P2Y' (two years), not '${v}'`],
};

/**
 * ajv's errors as findings worded for a legal editor, with the key path each is about.
 * @param data the notice data ajv checked
 * @param errors ajv's errors (only as many as a report shows: each is positioned later)
 */
export function schemaFindings(data: unknown, errors: readonly ErrorObject[]): CheckFinding[] {
  const out: CheckFinding[] = [];
  const report = (code: DiagnosticCode, message: string, path: KeyPath, at: 'value' | 'key' = 'value', expected?: string) =>
    out.push({ code, message, path, at, ...(expected ? { expected: [expected] } : {}) });
  const defs = noticeSchema().$defs ?? {};
  for (const error of errors) {
    const path = pointerToPath(error.instancePath);
    const where = formatPath(path) || 'The notice';
    const value = valueAt(data, path);
    const def = lastDef(error.schemaPath);
    switch (error.keyword) {
      case 'additionalProperties': {
        const key = String(error.params.additionalProperty);
        const parent = schemaForInstance(defs, path) ?? schemaAt(defs, error.schemaPath);
        const valid = Object.keys(parent?.properties ?? {});
        const guess = closeMatch(key, valid, (g) => Math.max(2, Math.floor(g.length / 3)));
        report('unknown-key', `'${key}' is not a known key in ${formatPath(path) || 'the notice'}. Valid keys: ${valid.join(', ')}.`, [...path, key], 'key', guess);
        break;
      }
      case 'required': {
        const key = String(error.params.missingProperty);
        const parent = schemaForInstance(defs, path) ?? schemaAt(defs, error.schemaPath);
        const explain = describe(parent?.properties?.[key], defs);
        report('missing-key', `${where} is missing '${key}'${explain ? ` (${explain})` : ''}; add it.`, path, 'key');
        break;
      }
      case 'type': {
        if (def === 'Text' && error.schemaPath.endsWith('/type') && !error.schemaPath.includes('additionalProperties')) {
          report('wrong-type', `${where} must give the text once per locale, e.g. 'en: ...' on an indented line, not ${typeWord(value)}.`, path);
        } else {
          report('wrong-type', `${where} must be ${typeWord(undefined, String(error.params.type))}, not ${typeWord(value)}.`, path);
        }
        break;
      }
      case 'enum': {
        const allowed = (error.params.allowedValues as unknown[]).map(String);
        const guess = typeof value === 'string' ? closeMatch(value, allowed, 2) : undefined;
        report('not-allowed-value', `${where} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, not ${show(value)}.`, path, 'value', guess);
        break;
      }
      case 'pattern':
      case 'format': {
        if (error.propertyName !== undefined) {
          // A key of a map (a locale of a Text, a phrase name) is malformed.
          const name = error.propertyName;
          if (def === 'Locale') report('invalid-locale', `'${name}' in ${where} is not a language tag; use one such as 'en', 'lv' or 'de-AT'.`, [...path, name], 'key');
          else report('invalid-format', `'${name}' in ${where} is not a valid name; use letters and dots such as 'rights.access'.`, [...path, name], 'key');
          break;
        }
        const byDef = def ? FORMAT_BY_DEF[def] : undefined;
        if (byDef) report(byDef[0], `${where} ${byDef[1](String(value))}.`, path);
        else if (error.params.format === 'date') report('invalid-date', `${where} must be a real date written YYYY-MM-DD, such as '2024-03-01', not ${show(value)}.`, path);
        else if (error.params.format === 'email') report('invalid-email', `${where} ${FORMAT_BY_DEF.Email![1](String(value))}.`, path);
        else if (error.params.format === 'uri') report('invalid-url', `${where} ${FORMAT_BY_DEF.Url![1](String(value))}.`, path);
        else if (error.instancePath === '/version') report('invalid-format', `version must be a short version label such as '1.0' or '2024-03' (letters, digits, dots, hyphens), not ${show(value)}.`, path);
        else report('invalid-format', `${where} does not have the required form: ${show(value)}.`, path);
        break;
      }
      case 'propertyNames':
        break; // the nested pattern error already says which key is wrong
      case 'maxLength':
        report('too-long', `${where} is ${String(value).length} characters long; the limit is ${String(error.params.limit)}. Shorten it or split it into clauses.`, path);
        break;
      case 'maxItems':
      case 'maxProperties':
        report('too-many', `${where} has more than ${String(error.params.limit)} entries; that is the limit.`, path);
        break;
      case 'minLength':
        report('too-few', `${where} is empty; write the text or remove the key.`, path);
        break;
      case 'minItems':
      case 'minProperties':
        report('too-few', `${where} needs at least ${String(error.params.limit)} ${Number(error.params.limit) === 1 ? 'entry' : 'entries'}.`, path);
        break;
      case 'uniqueItems':
        report('duplicate-item', `${where} lists the same entry twice (entries ${Number(error.params.j) + 1} and ${Number(error.params.i) + 1}); remove one.`, [...path, Number(error.params.i)]);
        break;
      case 'if':
        // The failing `then` (e.g. a right `other` without its own `title`) is reported as its own error.
        break;
      default:
        report('invalid-format', `${where}: ${error.message ?? 'invalid value'}.`, path);
    }
  }
  return out;
}

/** The last `$defs` name a schema path passes through. */
function lastDef(schemaPath: string): string | undefined {
  const m = /.*\$defs\/([^/]+)/.exec(schemaPath);
  return m?.[1];
}

/**
 * The object schema that describes the value at an instance path, found by walking the schema
 * along the path (properties, items, $ref). Errors inside a referenced definition carry a
 * schemaPath relative to that definition, so the instance path is the reliable guide.
 * @returns undefined when the path leaves the schema's plain objects and arrays
 */
function schemaForInstance(defs: Record<string, SchemaNode>, path: KeyPath): SchemaNode | undefined {
  const resolve = (n: SchemaNode | undefined) => {
    let s = n;
    for (let i = 0; s?.$ref && i < 50; i++) s = defs[defName(s.$ref)];
    return s;
  };
  let node = resolve(noticeSchema());
  for (const seg of path) {
    if (!node) return undefined;
    if (typeof seg === 'number') node = resolve(node.items);
    else node = resolve(node.properties?.[seg] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined));
  }
  return node?.properties ? node : undefined;
}

/** The schema object owning the failing keyword (schemaPath minus its last segment). */
function schemaAt(defs: Record<string, SchemaNode>, schemaPath: string): SchemaNode | undefined {
  const parts = schemaPath.replace(/^#\/?/, '').split('/').slice(0, -1);
  let node: unknown = noticeSchema();
  for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
  let s = node as SchemaNode | undefined;
  while (s?.$ref) s = defs[defName(s.$ref)];
  return s;
}

function describe(node: SchemaNode | undefined, defs: Record<string, SchemaNode>): string {
  let d = node?.description;
  if (!d && node?.$ref) d = defs[defName(node.$ref)]?.description;
  if (!d) return '';
  return d.split(/\.\s/)[0]!.replace(/\.$/, '').replace(/`/g, "'");
}

function typeWord(value: unknown, type?: string): string {
  const t = type ?? (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
  switch (t) {
    case 'string':
      return type ? 'text' : `the text ${show(value)}`;
    case 'object':
      return 'a mapping (keys on indented lines)';
    case 'array':
      return 'a list (lines starting with "- ")';
    case 'boolean':
      return type ? 'true or false' : `the value ${String(value)}`;
    case 'number':
    case 'integer':
      return type ? 'a number' : `the number ${String(value)}`;
    case 'null':
      return 'empty';
    default:
      return t;
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 39)}…` : value}'`;
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a mapping';
  return String(value);
}

