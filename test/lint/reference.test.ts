/**
 * The reference notice (Kaspersky technical support, lv + en) gets its real findings, at the right
 * lines. Lines are found in the file's text, so edits elsewhere in the notice do not break the test.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonFinding } from '../../src/lint/index.js';
import { cli, TODAY } from './util-cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FILE = 'notices/kaspersky-technical-support.yaml';
const text = readFileSync(`${ROOT}${FILE}`, 'utf8');
const lines = text.split('\n');

/** 1-based line of the first line equal to `line` after the first line equal to `after`. */
function lineAfter(after: string, line: string): number {
  const start = lines.indexOf(after);
  const i = lines.indexOf(line, start + 1);
  if (start < 0 || i < 0) throw new Error(`'${line}' after '${after}' not found in ${FILE}`);
  return i + 1;
}

/** 1-based line and column of some words, on the line that starts with `prefix`. */
function wordsAt(prefix: string, words: string): [number, number] {
  const i = lines.findIndex((l) => l.startsWith(prefix) && l.includes(words));
  if (i < 0) throw new Error(`'${words}' not found in ${FILE}`);
  return [i + 1, lines[i]!.indexOf(words) + 1];
}

describe('lint on the reference notice', () => {
  let findings: JsonFinding[];
  let code: number;
  beforeAll(async () => {
    const result = await cli(['lint', FILE, '--format', 'json', '--date', TODAY], ROOT);
    code = result.code;
    findings = JSON.parse(result.stdout) as JsonFinding[];
  });

  const find = (rule: string, clause: string) => findings.filter((f) => f.rule === rule && f.clause === clause);

  it('fails: the notice has errors', () => {
    expect(code).toBe(1);
    expect(findings.every((f) => f.file === FILE)).toBe(true);
  });

  it('reports Switzerland (2000/518/EC) and Brazil ((EU) 2026/179) as wrongly called non-adequate', () => {
    expect(find('adequacy-statement', 'switzerland').map((f) => [f.line, f.column, f.severity])).toEqual([[lineAfter('    - id: switzerland', '      adequacy: false'), 17, 'error']]);
    expect(find('adequacy-statement', 'brazil').map((f) => [f.line, f.column, f.severity])).toEqual([[lineAfter('    - id: brazil', '      adequacy: false'), 17, 'error']]);
    expect(find('adequacy-statement', 'switzerland')[0]!.message).toContain('2000/518/EC');
    expect(find('adequacy-statement', 'brazil')[0]!.message).toContain('(EU) 2026/179');
  });

  it('asks for the scope of the limited US (Data Privacy Framework) and Brazil (LGPD) decisions', () => {
    expect(find('adequacy-scope', 'united-states').map((f) => [f.line, f.column, f.severity])).toEqual([[lineAfter('    - id: united-states', '      country: US'), 16, 'warning']]);
    expect(find('adequacy-scope', 'united-states')[0]!.message).toContain('Data Privacy Framework');
    expect(find('adequacy-scope', 'brazil').map((f) => f.line)).toEqual([lineAfter('    - id: brazil', '      country: BR')]);
    expect(find('adequacy-scope', 'brazil')[0]!.message).toContain('LGPD');
  });

  it('accepts Russia (no adequacy decision, called non-adequate, covered by the SCCs)', () => {
    expect(findings.filter((f) => f.clause === 'russia')).toEqual([]);
  });

  it('reports the "no longer than reasonably necessary" retention in both languages', () => {
    const found = find('retention-vague', 'all-data').map((f) => [f.line, f.column]);
    expect(found).toEqual([wordsAt('        lv: ', 'ne ilgāk kā saprātīgi nepieciešams'), wordsAt('        en: ', 'no longer than reasonably necessary')]);
  });

  it('reports the missing Art. 13(2)(e) statement and the copy text whose link is not in the text', () => {
    expect(find('requirement-to-provide', 'kaspersky-technical-support').map((f) => [f.line, f.column])).toEqual([[lines.indexOf('noticeType: art13') + 1, 13]]);
    expect(find('safeguard-copy', 'group-scc').map((f) => f.line)).toEqual([lineAfter('      copy:', '        lv: šīs līguma standartklauzulas skatiet, noklikšķinot uz šīs saites')]);
  });

  it('notes that the English translation has not been reviewed, once for the locale', () => {
    expect(find('translation-unreviewed', 'kaspersky-technical-support').map((f) => [f.line, f.severity])).toEqual([[lines.indexOf('locales: [lv, en]') + 1, 'info']]);
  });

  it('finds nothing else: every finding is one of the above', () => {
    const expected = new Set(['adequacy-statement', 'adequacy-scope', 'retention-vague', 'requirement-to-provide', 'safeguard-copy', 'translation-unreviewed', 'purpose-vague']);
    expect(findings.filter((f) => !expected.has(f.rule))).toEqual([]);
  });
});
