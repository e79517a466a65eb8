/**
 * `--format sarif` produces a log that validates against the official SARIF 2.1.0 JSON schema
 * (OASIS sarif-spec, Documents/CommitteeSpecifications/2.1.0/sarif-schema-2.1.0.json, draft-07).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lint/index.js';
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
