/**
 * `--format sarif` produces a log that validates against the official SARIF 2.1.0 JSON schema
 * (OASIS sarif-spec, Documents/CommitteeSpecifications/2.1.0/sarif-schema-2.1.0.json, draft-07).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { clauseIdPath, RULES, RULES_DOC_URL, toSarif } from '../../src/lint/index.js';
import { cli, TODAY } from './util-cli.js';

// ajv-formats is CommonJS; under NodeNext its default export can arrive wrapped.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const schema = JSON.parse(readFileSync(new URL('../fixtures/lint/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri: string; fullDescription: { text: string } }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } }; logicalLocations?: { name: string }[] }[] }[];
  }[];
}

describe('lint --format sarif', () => {
  it('validates against the SARIF 2.1.0 schema, with rules and located results', async () => {
    const { code, stdout } = await cli(['lint', 'notices/kaspersky-technical-support.yaml', '--format', 'sarif', '--date', TODAY], ROOT);
    expect(code).toBe(1);
    const log = JSON.parse(stdout) as SarifLog;
    const validate = validator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);

    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('noticekit');
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const rule of run.tool.driver.rules) {
      expect(rule.helpUri).toMatch(new RegExp(`^https://.+#${rule.id}$`));
      expect(rule.fullDescription.text.length).toBeGreaterThan(60);
    }
    const swiss = run.results.find((r) => r.ruleId === 'adequacy-statement' && r.locations[0]!.logicalLocations?.[0]?.name === 'switzerland');
    expect(swiss).toBeDefined();
    expect(swiss!.level).toBe('error');
    expect(run.tool.driver.rules[swiss!.ruleIndex]!.id).toBe('adequacy-statement');
    expect(swiss!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('notices/kaspersky-technical-support.yaml');
    expect(swiss!.locations[0]!.physicalLocation.region.startColumn).toBe(17);
    expect(run.results.some((r) => r.level === 'note')).toBe(true);
  });

  it('still validates when the notice is invalid and validation errors are reported instead', async () => {
    const { code, stdout } = await cli(['lint', 'test/fixtures/lint/broken.yaml', '--format', 'sarif'], ROOT);
    expect(code).toBe(1);
    const log = JSON.parse(stdout) as SarifLog;
    const validate = validator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.runs[0]!.results.map((r) => r.ruleId)).toContain('missing-key');
  });

  it('the schema really rejects a broken log (the test can fail)', () => {
    const validate = validator();
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [] }] })).toBe(false);
  });
});

interface FingerprintedResult {
  ruleId: string;
  message: { text: string };
  partialFingerprints: Record<string, string>;
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
}

/** Lint one file of a temporary folder as SARIF and return the run. */
async function sarifOf(dir: string, file: string) {
  const { stdout } = await cli(['lint', file, '--format', 'sarif', '--date', TODAY], dir);
  const log = JSON.parse(stdout) as { runs: { originalUriBaseIds: Record<string, { uri: string }>; results: FingerprintedResult[] }[] };
  return log.runs[0]!;
}

describe('SARIF fingerprints and URIs for GitHub code scanning', () => {
  const reference = readFileSync(new URL('../../notices/kaspersky-technical-support.yaml', import.meta.url), 'utf8');

  it('keeps the fingerprints of every other finding when a transfer is inserted before them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nk-sarif-'));
    mkdirSync(path.join(dir, 'notices'));
    const file = 'notices/kaspersky-technical-support.yaml';
    writeFileSync(path.join(dir, file), reference);
    const before = await sarifOf(dir, file);
    // A new destination at the top of the list: every other destination's index moves by one.
    const inserted = reference.replace('  destinations:\n', '  destinations:\n    - id: canada-office\n      country: CA\n      adequacy: false\n      safeguard: group-scc\n');
    expect(inserted).not.toBe(reference);
    writeFileSync(path.join(dir, file), inserted);
    const after = await sarifOf(dir, file);

    const fp = (r: FingerprintedResult) => Object.values(r.partialFingerprints)[0]!;
    expect(before.results.length).toBeGreaterThan(3);
    const afterPrints = new Set(after.results.map(fp));
    for (const r of before.results) expect(afterPrints, `${r.ruleId}: ${r.message.text}`).toContain(fp(r));
    // The inserted destination's own findings are new alerts.
    expect(after.results.length).toBeGreaterThan(before.results.length);
    const swiss = before.results.find((r) => r.ruleId === 'adequacy-statement' && fp(r).includes('switzerland'));
    expect(swiss, 'the Swiss transfer finding is keyed by the clause id, not its index').toBeDefined();
  });

  it('gives every result of a run its own fingerprint (two missing keys in one file)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nk-sarif-'));
    const broken = reference.replace(/^controller:\n(?: {2}.*\n)+/m, '').replace(/^categories:\n(?: {2}.*\n|\s*\n)+/m, '');
    writeFileSync(path.join(dir, 'a.yaml'), broken);
    const run = await sarifOf(dir, 'a.yaml');
    const missing = run.results.filter((r) => r.ruleId === 'missing-key');
    expect(missing.length).toBeGreaterThanOrEqual(2);
    const prints = run.results.map((r) => JSON.stringify(r.partialFingerprints));
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('makes URIs relative to the repository root, named in originalUriBaseIds', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nk-sarif-'));
    mkdirSync(path.join(dir, 'notices'));
    writeFileSync(path.join(dir, 'notices', 'x.yaml'), reference);
    // Run from a subfolder: the URI is still relative to the root, not to the working directory.
    const { stdout } = await cli(['lint', 'x.yaml', '--format', 'sarif', '--date', TODAY], path.join(dir, 'notices'));
    const run = (JSON.parse(stdout) as { runs: { originalUriBaseIds: Record<string, { uri: string }>; results: FingerprintedResult[] }[] }).runs[0]!;
    // No git repository here, so the root is the working directory.
    expect(run.originalUriBaseIds.REPOROOT!.uri).toBe(pathToFileURL(path.join(dir, 'notices') + path.sep).href);
    expect(run.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'x.yaml', uriBaseId: 'REPOROOT' });
    // In noticekit's own repository (a git work tree), the root is its top level.
    const own = await sarifOf(path.join(ROOT, 'notices'), 'kaspersky-technical-support.yaml');
    expect(own.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'notices/kaspersky-technical-support.yaml', uriBaseId: 'REPOROOT' });
    expect(own.originalUriBaseIds.REPOROOT!.uri).toBe(pathToFileURL(ROOT).href.replace(/\/?$/, '/'));
  });

  it('points helpUri at a section of docs/lint.md that exists', () => {
    const doc = readFileSync(new URL('../../docs/lint.md', import.meta.url), 'utf8');
    const anchors = new Set([...doc.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!.trim().toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')));
    const log = toSarif([{ code: 'missing-key', severity: 'error', message: 'x', file: 'a.yaml', line: 1, column: 1, path: '' }], { version: '0', cwd: ROOT, root: ROOT }) as SarifLog;
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.length).toBe(RULES.length + 1);
    for (const rule of rules) {
      expect(rule.helpUri.startsWith(`${RULES_DOC_URL}#`)).toBe(true);
      expect(anchors, rule.helpUri).toContain(rule.helpUri.split('#')[1]);
    }
  });
});

describe('clauseIdPath', () => {
  it('replaces indices of clauses by their ids and keeps other parts', () => {
    const data = { transfers: { destinations: [{ id: 'a' }, { id: 'b', safeguard: 'x' }] }, locales: ['en', 'de'] };
    expect(clauseIdPath(data, 'transfers.destinations[1].safeguard')).toBe('transfers/destinations/id=b/safeguard');
    expect(clauseIdPath(data, 'locales[1]')).toBe('locales/[1]');
    expect(clauseIdPath(data, 'nothing[3].here')).toBe('nothing/[3]/here');
    expect(clauseIdPath(data, '')).toBe('');
  });
});

describe('relatedLocations', () => {
  it('a diagnostic with related places gets SARIF relatedLocations in its artifact, and the log stays valid', () => {
    const d = { code: 'duplicate-id' as const, severity: 'error' as const, message: "The id 'x' is already used.", file: 'a.yaml', line: 9, column: 9, path: 'recipients[1].id', related: [{ message: "first use of 'x'", path: 'recipients[0].id', line: 5, column: 9 }] };
    const log = toSarif([d], { version: '0', cwd: ROOT, root: ROOT }) as { runs: { results: Record<string, unknown>[] }[] };
    const result = log.runs[0]!.results[0]!;
    expect(result.relatedLocations).toEqual([
      { id: 0, message: { text: "first use of 'x'" }, physicalLocation: { artifactLocation: { uri: 'a.yaml', uriBaseId: 'REPOROOT' }, region: { startLine: 5, startColumn: 9 } } },
    ]);
    expect(validator()(log)).toBe(true);
  });
});
