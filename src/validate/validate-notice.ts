/**
 * Validate a loaded notice: the JSON Schema (ajv), then what the schema cannot say (unique ids,
 * references, complete locale maps, real country codes, safe Markdown). Every problem is a
 * positioned Diagnostic worded for a legal editor.
 */
import { hasPhrasePack } from '../model/phrases.js';
import type { ErrorObject } from 'ajv';
import { isScalar } from 'yaml';
import { capDiagnostics, formatPath, MAX_DIAGNOSTICS_PER_FILE, sortDiagnostics, type Diagnostic, type Severity } from '../diagnostics.js';
import { closeMatch } from '../did-you-mean.js';
import type { LoadedNotice } from '../load/read-notice.js';
import type { Notice } from '../model/notice.js';
import { checkMarkdown } from './check-markdown.js';
import { schemaErrors } from './compile-schema.js';
import { locate, nodeAt } from './locate.js';
import { defName, noticeSchema, REFERENCE_TARGETS, walkNotice, type SchemaNode } from './schema.js';

/** The outcome of validation: the typed notice when valid, and every diagnostic. */
export interface ValidationResult {
  /** The notice, present only when there are no errors. */
  notice?: Notice;
  diagnostics: Diagnostic[];
}

type Path = (string | number)[];

/** Options for {@link validateNotice}. */
export interface ValidateOptions {
  /** A custom templates folder whose phrase packs count as well as the built-in ones. */
  templatesDir?: string;
}

/**
 * Validate a loaded notice file.
 * @param loaded the result of `loadNotice`/`loadNoticeFile`
 * @param options.templatesDir a custom templates folder that may hold phrase packs
 */
export function validateNotice(loaded: LoadedNotice, options: ValidateOptions = {}): ValidationResult {
  const out: Diagnostic[] = [...loaded.diagnostics];
  if (loaded.data === undefined || out.some((d) => d.severity === 'error')) {
    return { diagnostics: capDiagnostics(sortDiagnostics(out)) };
  }
  const report = (code: string, message: string, path: Path, at: 'value' | 'key' = 'value', severity: Severity = 'error', offset?: number) => {
    const place = locate(loaded, path, at);
    const d: Diagnostic = { code, severity, message, file: loaded.file, line: place.line, column: place.column, path: formatPath(path) };
    if (offset !== undefined) {
      const pos = loaded.lineCounter.linePos(offset);
      d.line = pos.line;
      d.column = pos.col;
    } else if (place.endLine === place.line) {
      d.endLine = place.endLine;
      d.endColumn = place.endColumn;
    }
    out.push(d);
  };

  // Positioning one error searches the document; with thousands of errors (a file of unknown keys)
  // that alone took minutes. Only a report's worth are positioned; the rest are counted.
  const errors = schemaErrors(loaded.data);
  const reported = errors.slice(0, MAX_DIAGNOSTICS_PER_FILE + 1);
  reportSchemaErrors(loaded.data, reported, report);
  checkSemantics(loaded, report, options);

  const diagnostics = capDiagnostics(sortDiagnostics(dedupe(out)), MAX_DIAGNOSTICS_PER_FILE, errors.length - reported.length);
  const failed = diagnostics.some((d) => d.severity === 'error');
  return failed ? { diagnostics } : { notice: loaded.data as Notice, diagnostics };
}

type Report = (code: string, message: string, path: Path, at?: 'value' | 'key', severity?: Severity, offset?: number) => void;

// ---------------------------------------------------------------------------------------------
// Schema errors, reworded

const FORMAT_BY_DEF: Record<string, [code: string, explain: (value: string) => string]> = {
  Id: ['invalid-id', (v) => `must be short lower-case words joined by hyphens, such as 'call-recordings', not '${v}'`],
  IdRef: ['invalid-id', (v) => `must be the id of another clause: lower-case words joined by hyphens, not '${v}'`],
  Country: ['invalid-country', (v) => `must be a two-letter ISO code such as 'DE', not '${v}'`],
  Locale: ['invalid-locale', (v) => `must be a language tag such as 'en', 'lv' or 'de-AT', not '${v}'`],
  Email: ['invalid-email', (v) => `must be an e-mail address such as 'privacy@example.com', not '${v}'`],
  Url: ['invalid-url', (v) => `must be a web address starting with https://, not '${v}'`],
  Phone: ['invalid-phone', (v) => `must be a telephone number with country code such as '+49 841 98 18 90', not '${v}'`],
  Duration: ['invalid-duration', (v) => `must be an ISO 8601 period such as 'P6M' (six months) or 'P2Y' (two years), not '${v}'`],
};

function reportSchemaErrors(data: unknown, errors: ErrorObject[], report: Report): void {
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
        const hint = guess ? ` Did you mean '${guess}'?` : '';
        report('unknown-key', `'${key}' is not a known key in ${formatPath(path) || 'the notice'}.${hint} Valid keys: ${valid.join(', ')}.`, [...path, key], 'key');
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
        const hint = guess ? ` Did you mean '${guess}'?` : '';
        report('not-allowed-value', `${where} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, not ${show(value)}.${hint}`, path);
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
}

function pointerToPath(pointer: string): Path {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
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
function schemaForInstance(defs: Record<string, SchemaNode>, path: Path): SchemaNode | undefined {
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

// ---------------------------------------------------------------------------------------------
// What the schema cannot express

const KIND_WORDS: Record<string, string> = {
  '*': 'clause',
  Category: 'data category',
  Recipient: 'recipient',
  Source: 'source',
  Safeguard: 'safeguard',
  Purpose: 'purpose',
};

/** Codes that look like ISO 3166-1 alpha-2 but are not countries (Intl still names them). */
const NOT_COUNTRIES = new Set(['AC', 'CP', 'DG', 'EA', 'EU', 'EZ', 'IC', 'QO', 'TA', 'UN', 'XA', 'XB', 'ZZ']);
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/** The form the schema's Locale pattern allows. */
const LOCALE_FORM = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/;
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** True if `code` is an assigned ISO 3166-1 alpha-2 country code (XK, Kosovo, is accepted as the EU uses it). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return false;
  // Asking Intl is slow next to a lookup, and there are only 676 two-letter codes.
  let known = countryCodes.get(code);
  if (known === undefined) {
    const name = regionNames.of(code);
    known = name !== undefined && name !== code;
    countryCodes.set(code, known);
  }
  return known;
}
const countryCodes = new Map<string, boolean>();

function checkSemantics(loaded: LoadedNotice, report: Report, options: ValidateOptions): void {
  const data = loaded.data as Record<string, unknown>;
  const declaredList = Array.isArray(data.locales) ? data.locales.filter((l): l is string => typeof l === 'string') : [];
  const declared = new Set(declaredList);
  // Texts are checked for the declared locales that are real language tags; a bad tag is reported
  // once here, not again as a missing text in every Text of the notice.
  const locales: string[] = [];

  declaredList.forEach((tag, i) => {
    // A tag of the wrong form is already reported by the schema.
    if (!LOCALE_FORM.test(tag)) return;
    let known = false;
    try {
      known = Intl.getCanonicalLocales(tag).length === 1 && languageNames.of(tag.split('-')[0]!) !== undefined;
    } catch {
      known = false;
    }
    if (known) {
      locales.push(tag);
      // Reported here, at the locale, not by a build at the end: a regional tag is served by its
      // language's pack (de-AT by de), so only a language without any pack is missing.
      if (!hasPhrasePack(tag, options.templatesDir)) {
        report('missing-phrase-pack', `There is no phrase pack for '${tag}' (templates/locales/${tag.split('-')[0]}.yaml); add one (or give build a --templates folder that has one), or remove '${tag}' from locales.`, ['locales', i]);
      }
    } else report('invalid-locale', `'${tag}' is not a known language tag; use one such as 'en', 'lv' or 'de-AT'.`, ['locales', i]);
  });
  if (typeof data.sourceLocale === 'string' && declaredList.length > 0 && !declared.has(data.sourceLocale)) {
    report('undeclared-locale', `sourceLocale '${data.sourceLocale}' is not in locales (${declaredList.join(', ')}); add it there or correct it.`, ['sourceLocale']);
  }

  const ids = new Map<string, { def: string; path: Path }>();
  const refs: { value: string; target: string; path: Path }[] = [];
  // Every kind of clause holding an id that is used more than once.
  const duplicated = new Map<string, Set<string>>();

  walkNotice(data, ({ value, path, def, slot }) => {
    if (def === 'Text' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      checkText(loaded, value as Record<string, unknown>, path, locales, declared, report);
    }
    if (def === 'Country' && typeof value === 'string' && /^[A-Z]{2}$/.test(value) && !isCountryCode(value)) {
      report('unknown-country', `'${value}' is not an assigned ISO 3166-1 country code; check the code (e.g. 'GR' for Greece, 'GB' for the United Kingdom).`, path);
    }
    if (def && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const id = (value as { id?: unknown }).id;
      const schemaDef = def === 'Notice' ? undefined : noticeSchema().$defs?.[def];
      if (schemaDef?.properties?.id && typeof id === 'string') {
        const seen = ids.get(id);
        if (seen) {
          const line = locate(loaded, [...seen.path, 'id']).line;
          report('duplicate-id', `The id '${id}' is already used by ${formatPath(seen.path)} (line ${line}); every clause needs its own id, and references to '${id}' cannot tell the two apart. Rename one of them.`, [...path, 'id']);
          const kinds = duplicated.get(id) ?? new Set([seen.def]);
          duplicated.set(id, kinds.add(def));
        } else ids.set(id, { def, path });
      }
      checkCombinations(def, value as Record<string, unknown>, path, report);
    }
    if (def === 'IdRef' && typeof value === 'string' && slot) {
      const target = REFERENCE_TARGETS[slot];
      if (target) refs.push({ value, target, path });
    }
  });

  // A clause-scoped phrase override (`<clause-id>:<phrase>`) naming no clause would never be used.
  const phrases = data.phrases;
  if (phrases !== null && typeof phrases === 'object' && !Array.isArray(phrases)) {
    for (const name of Object.keys(phrases)) {
      const colon = name.indexOf(':');
      if (colon <= 0) continue;
      const clause = name.slice(0, colon);
      if (ids.has(clause)) continue;
      const guess = closeMatch(clause, [...ids.keys()]);
      const hint = guess ? ` Did you mean '${guess}:${name.slice(colon + 1)}'?` : '';
      report('unknown-reference', `The phrase override '${name}' names the clause '${clause}', but no clause has that id, so it would never be used.${hint}`, ['phrases', name], 'key');
    }
  }

  for (const ref of refs) {
    // A reference to a duplicated id that one of its holders satisfies is covered by the
    // duplicate-id error; reporting it again would bury that one error under follow-ons.
    if (duplicated.get(ref.value)?.has(ref.target)) continue;
    const found = ids.get(ref.value);
    const kind = KIND_WORDS[ref.target] ?? ref.target;
    if (!found) {
      const candidates = [...ids.entries()].filter(([, v]) => ref.target === '*' || v.def === ref.target).map(([k]) => k);
      const guess = closeMatch(ref.value, candidates);
      const hint = guess ? ` Did you mean '${guess}'?` : candidates.length > 0 ? ` Known: ${candidates.slice(0, 8).join(', ')}${candidates.length > 8 ? ', …' : ''}.` : '';
      report('unknown-reference', `${formatPath(ref.path)} names '${ref.value}', but no ${kind} has that id.${hint}`, ref.path);
    } else if (ref.target !== '*' && found.def !== ref.target) {
      report('unknown-reference', `${formatPath(ref.path)} names '${ref.value}', which is a ${KIND_WORDS[found.def] ?? found.def.toLowerCase()}, not a ${kind}.`, ref.path);
    }
  }
}

/** Rules across keys of one object that the schema leaves to us for clearer messages. */
function checkCombinations(def: string, value: Record<string, unknown>, path: Path, report: Report): void {
  const where = formatPath(path);
  if (def === 'Destination') {
    if (value.country === undefined && value.organisation === undefined) report('missing-key', `${where} needs either 'country' (an ISO code such as 'US') or 'organisation'; add one.`, path, 'key');
    if (value.country !== undefined && value.organisation !== undefined) report('conflicting-keys', `${where} gives both 'country' and 'organisation'; keep one (make two destinations if both apply).`, [...path, 'organisation'], 'key');
  } else if (def === 'Clause') {
    if (value.after === undefined && value.afterClause === undefined) report('missing-key', `${where} does not say where it goes; add 'after' (a section such as 'purposes') or 'afterClause' (a clause id).`, path, 'key');
    if (value.after !== undefined && value.afterClause !== undefined) report('conflicting-keys', `${where} gives both 'after' and 'afterClause'; keep one.`, [...path, 'afterClause'], 'key');
  } else if (def === 'Safeguard') {
    if (value.mechanism === 'derogation' && value.derogation === undefined) report('missing-key', `${where} is a derogation but does not say which point of Art. 49(1) applies; add 'derogation', e.g. '49(1)(a)'.`, path, 'key');
    if (value.mechanism !== 'derogation' && value.derogation !== undefined) report('conflicting-keys', `${where} gives 'derogation' but its mechanism is '${String(value.mechanism)}'; remove 'derogation' or set 'mechanism: derogation'.`, [...path, 'derogation'], 'key');
  } else if (def === 'RetentionRule') {
    if (['period', 'trigger', 'law', 'criteria'].every((k) => value[k] === undefined)) report('missing-key', `${where} says nothing about how long; add 'period' (e.g. 'P6M'), 'trigger', 'law' or 'criteria'.`, path, 'key');
  }
}

function checkText(loaded: LoadedNotice, text: Record<string, unknown>, path: Path, locales: string[], declared: Set<string>, report: Report): void {
  const where = formatPath(path);
  const missing = locales.filter((l) => !(l in text));
  if (missing.length > 0) {
    report('missing-locale', `${where} has no ${missing.map((l) => `'${l}'`).join(', ')} text; add ${missing.map((l) => `'${l}: ...'`).join(' and ')} (the notice declares ${locales.join(', ')}).`, path, 'key');
  }
  for (const [locale, value] of Object.entries(text)) {
    if (declared.size > 0 && !declared.has(locale)) {
      report('undeclared-locale', `${where} has a '${locale}' text but the notice does not declare '${locale}' in locales; add it there or remove this text.`, [...path, locale], 'key');
    }
    if (typeof value !== 'string') continue;
    for (const problem of checkMarkdown(value)) {
      report(problem.code, `${where}.${locale}: ${problem.message}`, [...path, locale], 'value', 'error', findInSource(loaded, [...path, locale], problem.snippet));
    }
  }
}

/** Offset of a snippet inside the YAML source of the scalar at `path` (undefined: use the node start). */
function findInSource(loaded: LoadedNotice, path: Path, snippet: string): number | undefined {
  const node = nodeAt(loaded, path);
  if (!isScalar(node) || !node.range) return undefined;
  const source = loaded.text.slice(node.range[0], node.range[1]);
  for (let len = Math.min(snippet.length, 40); len >= 3; len = Math.floor(len / 2)) {
    const i = source.indexOf(snippet.slice(0, len));
    if (i >= 0) return node.range[0] + i;
  }
  return undefined;
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}|${d.line}|${d.column}|${d.path}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
