/**
 * Every rule has a passing and a failing fixture: `test/fixtures/lint/<rule-id>/{pass,fail}.yaml`,
 * with the failing one's expected findings (rule, severity, line, column) in `fail.json`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LINT_RULE_IDS } from '../../src/diagnostics.js';
import { lintNotice, RULES } from '../../src/lint/index.js';
import { loadNotice } from '../../src/load/read-notice.js';
import { validateNotice } from '../../src/validate/index.js';
import { lintFile } from './util-cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/lint/', import.meta.url));

/** 1-based number of the first line starting with `start`. */
function lineOf(text: string, start: string): number {
  const i = text.split('\n').findIndex((l) => l.startsWith(start));
  if (i < 0) throw new Error(`no line starts with ${start}`);
  return i + 1;
}

describe('lint rules', () => {
  it('every rule has an id, article, severity, explanation, fix and a fixture folder', () => {
    const ids = new Set<string>();
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(ids.has(rule.id)).toBe(false);
      ids.add(rule.id);
      expect(rule.article).not.toBe('');
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.summary.length).toBeGreaterThan(10);
      expect(rule.explanation.length).toBeGreaterThan(60);
      expect(rule.fix.length).toBeGreaterThan(10);
      expect(existsSync(`${FIXTURES}${rule.id}/pass.yaml`), `${rule.id}/pass.yaml`).toBe(true);
      expect(existsSync(`${FIXTURES}${rule.id}/fail.yaml`), `${rule.id}/fail.yaml`).toBe(true);
    }
    // The typed list of rule ids (src/diagnostics.ts) is the rules' ids, in order.
    expect(RULES.map((r) => r.id)).toEqual([...LINT_RULE_IDS]);
    const folders = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(folders.filter((f) => !ids.has(f))).toEqual([]);
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('passes its passing fixture without any finding', async () => {
        expect(await lintFile(`${FIXTURES}${rule.id}/pass.yaml`)).toEqual([]);
      });

      it('reports its failing fixture at the expected line and column', async () => {
        const expected = JSON.parse(readFileSync(`${FIXTURES}${rule.id}/fail.json`, 'utf8')) as { rule: string }[];
        const found = await lintFile(`${FIXTURES}${rule.id}/fail.yaml`);
        expect(found.map(({ code, severity, line, column }) => ({ rule: code, severity, line, column }))).toEqual(expected);
        expect(expected.some((e) => e.rule === rule.id)).toBe(true);
        for (const d of found) {
          expect(d.clause).not.toBe('');
          expect(d.message).toMatch(/[.;]$|\)$/);
        }
      });
    });
  }
});

describe('rule details', () => {
  it('adequacy-statement: an EEA destination given an adequacy statement is reported', async () => {
    const text = readFileSync(`${FIXTURES}adequacy-statement/pass.yaml`, 'utf8').replace('      country: CH\n      adequacy: true', '      country: FR\n      adequacy: false');
    const loaded = loadNotice(text, 'case.yaml');
    const { notice } = validateNotice(loaded);
    const found = lintNotice(loaded, notice!, { today: '2026-11-28' });
    expect(found.map((d) => [d.code, d.clause])).toEqual([['adequacy-statement', 'switzerland']]);
    expect(found[0]!.message).toContain('France (FR) is in the EEA');
  });

  it('adequacy-statement: Brazil counts as adequate only from 26 January 2026', async () => {
    const text = readFileSync(`${FIXTURES}adequacy-statement/pass.yaml`, 'utf8').replace('      country: CH\n      adequacy: true', '      country: BR\n      adequacy: false\n      safeguard: scc');
    const withScc = text.replace('      safeguard: scc\n', '      safeguard: scc\n  safeguards:\n    - id: scc\n      mechanism: scc\n      copy:\n        en: "Ask privacy@example.com."\n');
    const loaded = loadNotice(withScc, 'case.yaml');
    const { notice } = validateNotice(loaded);
    expect(notice).toBeDefined();
    const codes = (today: string) => lintNotice(loaded, notice!, { today }).map((d) => d.code);
    expect(codes('2026-01-25')).toEqual([]);
    expect(codes('2026-01-26')).toEqual(['adequacy-scope', 'adequacy-statement']);
  });

  it('transfer-safeguard: an adequacy safeguard for a country without a decision is an error', async () => {
    const text = readFileSync(`${FIXTURES}adequacy-scope/pass.yaml`, 'utf8').replace('country: US\n      adequacy: true', 'country: RU\n      adequacy: false');
    const loaded = loadNotice(text, 'case.yaml');
    const { notice } = validateNotice(loaded);
    const found = lintNotice(loaded, notice!, { today: '2026-11-28' });
    expect(found.map((d) => [d.code, d.line, d.column, d.path])).toEqual([['transfer-safeguard', lineOf(text, '      safeguard: dpf'), 18, 'transfers.destinations[0].safeguard']]);
  });

  it('purpose-vague: a qualifier inside another word is not reported ("handsome" is not "some")', async () => {
    const text = readFileSync(`${FIXTURES}purpose-vague/pass.yaml`, 'utf8').replace('To send you the newsletter you subscribed to.', 'To send you the handsome newsletter you subscribed to, at most monthly.');
    const loaded = loadNotice(text, 'case.yaml');
    const { notice } = validateNotice(loaded);
    expect(lintNotice(loaded, notice!, { today: '2026-11-28' })).toEqual([]);
  });

  it('purpose-vague: Latvian and German qualifiers are found and pointed at', async () => {
    const text = readFileSync(`${FIXTURES}purpose-vague/pass.yaml`, 'utf8')
      .replace('locales: [en]', 'locales: [en, lv, de]')
      .replace(/^( {2,})en: (.*)$/gm, (_, indent: string, t: string) => `${indent}en: ${t}\n${indent}lv: ${t}\n${indent}de: ${t}`)
      .replace('      lv: To send you the newsletter you subscribed to.', '      lv: Mēs varam izmantot dažus jūsu datus.')
      .replace('      de: To send you the newsletter you subscribed to.', '      de: Wir verwenden möglicherweise einige Ihrer Daten.');
    const loaded = loadNotice(text, 'case.yaml');
    const { notice } = validateNotice(loaded);
    expect(notice).toBeDefined();
    const found = lintNotice(loaded, notice!, { today: '2026-11-28' }).filter((d) => d.code === 'purpose-vague');
    expect(found.map((d) => [d.line, d.column, d.message.match(/"[^"]+"/g)])).toEqual([
      [lineOf(text, '      lv: Mēs varam'), 15, ['"varam"', '"dažus"']],
      [lineOf(text, '      de: Wir verwenden'), 25, ['"möglicherweise"', '"einige"']],
    ]);
  });
  it('purpose-legal-basis: a purpose that states no legal basis gives exactly one finding, at the purpose', async () => {
    const text = readFileSync(`${FIXTURES}purpose-legal-basis/pass.yaml`, 'utf8').replace('    legalBases:\n      - id: subscription\n        gdpr: 6(1)(b)\n', '');
    expect(text).not.toContain('legalBases');
    const loaded = loadNotice(text, 'case.yaml');
    const { notice, diagnostics } = validateNotice(loaded);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const found = lintNotice(loaded, notice!, { today: '2026-11-28' });
    expect(found.map((d) => [d.code, d.clause, d.line, d.path])).toEqual([['purpose-legal-basis', 'newsletter', lineOf(text, '  - id: newsletter'), 'purposes[0]']]);
  });

  it('transfer-safeguard: a safeguard that does not name its mechanism is reported once, at the safeguard', async () => {
    const text = readFileSync(`${FIXTURES}transfer-safeguard/pass.yaml`, 'utf8')
      .replace('      mechanism: scc\n', '')
      .replace('    - id: russia\n', '    - id: india\n      country: IN\n      safeguard: scc\n    - id: russia\n');
    const loaded = loadNotice(text, 'case.yaml');
    const { notice } = validateNotice(loaded);
    expect(notice).toBeDefined();
    const found = lintNotice(loaded, notice!, { today: '2026-11-28' });
    expect(found.map((d) => [d.code, d.clause, d.line])).toEqual([['transfer-safeguard', 'scc', lineOf(text, '    - id: scc')]]);
  });

  it('requirement-to-provide: a requirement that only gives consequences is reported as not saying whether it is required', async () => {
    const text = readFileSync(`${FIXTURES}purpose-legal-basis/pass.yaml`, 'utf8').replace('  kind: voluntary\n', '  consequences:\n    en: We cannot send you the newsletter.\n');
    const loaded = loadNotice(text, 'case.yaml');
    const { notice } = validateNotice(loaded);
    const found = lintNotice(loaded, notice!, { today: '2026-11-28' });
    expect(found.map((d) => [d.code, d.line])).toEqual([['requirement-to-provide', lineOf(text, 'requirement:')]]);
  });
});
