/**
 * Lint output formats: JSON, SARIF 2.1.0 (GitHub code scanning), GitHub Actions annotations, and
 * the text report (vfile-reporter style, via the shared formatter).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIAGNOSTIC_CODES, type Diagnostic, type Severity } from '../diagnostics.js';
import { formatDiagnostics, suggestion, type FormatOptions } from '../report/format-diagnostics.js';
import { parsePath } from '../notice/path.js';
import { RULES } from './rules/index.js';
import type { LintDiagnostic, RuleMeta } from './types.js';

/**
 * Where the rule documentation lives: docs/lint.md in noticekit's repository, where each rule is a
 * `### <rule-id>` heading (so its anchor is the rule id) and validation findings have their own section.
 */
export const RULES_DOC_URL = 'https://github.com/noticekit/noticekit/blob/main/docs/lint.md';
/** The anchor in docs/lint.md for problems found while validating (the notice is not linted). */
export const VALIDATION_DOC_ANCHOR = 'validation-findings';
/** The `uriBaseId` every artifact URI is relative to: the repository root. */
export const SARIF_ROOT_BASE_ID = 'REPOROOT';
/** The key of noticekit's own entry in each result's `partialFingerprints`. */
export const FINGERPRINT_KEY = 'noticekit/clause-path/v1';

export { toJsonFindings, type JsonFinding } from '../report/format-json.js';

/**
 * The text report: like `validate`, with the clause id before each message.
 * @param list findings, sorted
 * @param options colour and source texts for code frames
 */
export function formatLintText(list: readonly (Diagnostic | LintDiagnostic)[], options: FormatOptions = {}): string {
  return formatDiagnostics(
    list.map((d) => ('clause' in d && d.clause ? { ...d, message: `${d.clause}: ${d.message}` } : d)),
    options,
  );
}

export { formatGithubAnnotations } from '../report/format-github.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** Options for {@link toSarif}. */
export interface SarifOptions {
  /** noticekit's version. */
  version: string;
  /** The folder the diagnostics' file paths are relative to (default: the working directory). */
  cwd?: string;
  /**
   * The repository root artifact URIs are made relative to (`originalUriBaseIds.REPOROOT`).
   * Default: `git rev-parse --show-toplevel` run in `cwd`, or `cwd` when that is not a repository.
   */
  root?: string;
  /**
   * The parsed YAML of each file, keyed by the file path as the diagnostics give it. With it, list
   * indices in a finding's key path are replaced by the ids of the clauses they point at, so a
   * fingerprint survives inserting or reordering clauses.
   */
  data?: ReadonlyMap<string, unknown>;
  /** The rules to describe (default: all). */
  rules?: readonly RuleMeta[];
}

/**
 * The repository root holding `cwd`: git's top-level folder, or `cwd` itself outside a repository
 * (or without git).
 */
export function repositoryRoot(cwd: string): string {
  try {
    const out = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
    const top = out.trim();
    return top === '' ? path.resolve(cwd) : path.resolve(top);
  } catch {
    return path.resolve(cwd);
  }
}

/**
 * A key path with every list index that points at a clause (a mapping with a string `id`) replaced
 * by that id: `transfers[2].safeguard` becomes `transfers/switzerland/safeguard`. Indices of plain
 * lists stay numbers; parts that cannot be followed in `data` are kept as they are.
 * @param data the parsed YAML of the notice (valid or not)
 * @param keyPath the finding's key path, as `a.b[0].c`
 */
export function clauseIdPath(data: unknown, keyPath: string): string {
  const parts: string[] = [];
  let node: unknown = data;
  for (const part of parsePath(keyPath)) {
    if (typeof part === 'number') {
      const item = Array.isArray(node) ? (node[part] as unknown) : undefined;
      const id = item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as { id?: unknown }).id : undefined;
      parts.push(typeof id === 'string' && id !== '' ? `id=${id}` : `[${part}]`);
      node = item;
    } else {
      parts.push(part);
      node = node !== null && typeof node === 'object' && !Array.isArray(node) && Object.hasOwn(node, part) ? (node as Record<string, unknown>)[part] : undefined;
    }
  }
  return parts.join('/');
}

/**
 * A SARIF 2.1.0 log for GitHub code scanning: one run, `tool.driver.rules` describing every rule
 * (with `helpUri` at its section of docs/lint.md and `fullDescription`), artifact URIs relative to
 * the repository root (`originalUriBaseIds`), and one result per finding with its location and a
 * `partialFingerprints` entry made of the file, the rule and the clause id path of the finding.
 * Two findings that would share a fingerprint (two missing keys under one parent, say) are told
 * apart by their message, and then by their order, so fingerprints are unique within the run.
 * @param list findings (lint findings and, for invalid notices, validation diagnostics)
 */
export function toSarif(list: readonly (Diagnostic | LintDiagnostic)[], options: SarifOptions): object {
  const descriptors: object[] = [];
  const index = new Map<string, number>();
  const describe = (id: string, d: object) => {
    index.set(id, descriptors.length);
    descriptors.push(d);
  };
  for (const rule of options.rules ?? RULES) {
    describe(rule.id, {
      id: rule.id,
      name: pascal(rule.id),
      shortDescription: { text: rule.summary },
      fullDescription: { text: `${rule.explanation} (${rule.article})` },
      help: { text: rule.fix, markdown: `**${rule.article}.** ${rule.fix}` },
      helpUri: `${RULES_DOC_URL}#${rule.id}`,
      defaultConfiguration: { level: LEVEL[rule.severity] },
      properties: { tags: ['gdpr', 'privacy-notice'], article: rule.article },
    });
  }
  // Validation diagnostics (invalid notices are reported, not linted) get a descriptor too.
  for (const d of list) {
    if (index.has(d.code)) continue;
    const text = (DIAGNOSTIC_CODES as Record<string, string>)[d.code] ?? 'A problem found while reading or validating the notice.';
    describe(d.code, {
      id: d.code,
      name: pascal(d.code),
      shortDescription: { text },
      fullDescription: { text: `${text} The notice must be valid (noticekit validate) before it can be linted.` },
      helpUri: `${RULES_DOC_URL}#${VALIDATION_DOC_ANCHOR}`,
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['validation'] },
    });
  }
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const root = path.resolve(options.root ?? repositoryRoot(cwd));
  const base = pathToFileURL(root.endsWith(path.sep) ? root : root + path.sep).href;

  // Fingerprints: file, rule and id path; then the message where those collide; then the order.
  const keys = list.map((d) => {
    const uri = artifactUri(d.file, cwd, root);
    const data = options.data?.get(d.file);
    const idPath = data !== undefined ? clauseIdPath(data, d.path) : d.path.replace(/\./g, '/');
    return { uri, key: `${uri}|${d.code}|${idPath}` };
  });
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const byKey = count(keys.map((k) => k.key));
  const withMessage = keys.map((k, i) => (byKey.get(k.key)! > 1 ? `${k.key}|${list[i]!.message}` : k.key));
  const seen = new Map<string, number>();
  const fingerprints = withMessage.map((k) => {
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n === 1 ? k : `${k}|${n}`;
  });

  const results = list.map((d, i) => {
    const region: Record<string, number> = { startLine: d.line, startColumn: d.column };
    if (d.endLine !== undefined) region.endLine = d.endLine;
    if (d.endColumn !== undefined && d.endLine !== undefined) region.endColumn = d.endColumn;
    const { uri } = keys[i]!;
    const artifactLocation = uri.startsWith('file:') ? { uri } : { uri, uriBaseId: SARIF_ROOT_BASE_ID };
    const location: Record<string, unknown> = { physicalLocation: { artifactLocation, region } };
    if ('clause' in d && d.clause) {
      location.logicalLocations = [{ name: d.clause, fullyQualifiedName: d.path || d.clause, kind: 'object' }];
    }
    const result: Record<string, unknown> = {
      ruleId: d.code,
      ruleIndex: index.get(d.code)!,
      level: LEVEL[d.severity],
      message: { text: `${d.message}${suggestion(d)}` },
      locations: [location],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[i]! },
    };
    if (d.related && d.related.length > 0) {
      result.relatedLocations = d.related.map((r, id) => ({
        id,
        message: { text: r.message },
        physicalLocation: { artifactLocation, region: { startLine: r.line, startColumn: r.column } },
      }));
    }
    return result;
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'noticekit',
            version: options.version,
            semanticVersion: options.version,
            informationUri: RULES_DOC_URL,
            rules: descriptors,
          },
        },
        originalUriBaseIds: { [SARIF_ROOT_BASE_ID]: { uri: base, description: { text: 'The repository root.' } } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/**
 * A file path as a SARIF artifact URI: relative to the repository root with forward slashes and
 * percent-encoded parts, or an absolute file:// URI for a file outside it.
 */
function artifactUri(file: string, cwd: string, root: string): string {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(root, abs);
  if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).map(encodeURIComponent).join('/');
  return pathToFileURL(abs).href;
}

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}
