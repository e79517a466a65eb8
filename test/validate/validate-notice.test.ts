/**
 * validateNotice beyond single defects: the report cap, and a locale problem reported once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DIAGNOSTICS_PER_FILE } from '../../src/diagnostics.js';
import { loadNotice } from '../../src/load/read-notice.js';
import { validateNotice } from '../../src/validate/validate-notice.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const reference = readFileSync(path.join(ROOT, 'notices/kaspersky-technical-support.yaml'), 'utf8');

describe('the diagnostic cap', () => {
  it(`reports ${MAX_DIAGNOSTICS_PER_FILE} problems and one too-many-diagnostics for a notice with more`, () => {
    // 120 extra categories, each with a malformed id: 120 invalid-id errors.
    const extra = Array.from({ length: 120 }, (_, i) => `  - id: Bad_Category_${i}\n    label:\n      lv: x\n      en: x\n`).join('');
    const text = reference.replace('\ncategories:\n', `\ncategories:\n${extra}`);
    const { diagnostics } = validateNotice(loadNotice(text, 'capped.yaml'));
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_FILE + 1);
    expect(diagnostics.slice(0, -1).every((d) => d.code === 'invalid-id' && d.severity === 'error')).toBe(true);
    const last = diagnostics.at(-1)!;
    expect(last.code).toBe('too-many-diagnostics');
    expect(last.message).toContain('20');
    // The ones shown are the first 100 in the file.
    const lines = diagnostics.slice(0, -1).map((d) => d.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('caps problems found while reading too (one alias per line)', () => {
    const text = `a: &a x\n${Array.from({ length: 150 }, (_, i) => `k${i}: *a`).join('\n')}\n`;
    const { diagnostics } = validateNotice(loadNotice(text));
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_FILE + 1);
    expect(diagnostics.at(-1)!.code).toBe('too-many-diagnostics');
  });
});

describe('locales', () => {
  it('a locale that is not a language is reported once, not again in every text', () => {
    const text = reference.replace('locales: [lv, en]', 'locales: [lv, en, qq]');
    const { diagnostics } = validateNotice(loadNotice(text));
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([['invalid-locale', 'locales[2]']]);
  });
});

describe('phrase overrides', () => {
  it('a clause-scoped override naming no clause is reported at its key, with the likely clause', () => {
    const text = reference.replace('phrases:\n', 'phrases:\n  suport:legalBasis.citation:\n    lv: "x"\n    en: "x"\n');
    const { diagnostics, notice } = validateNotice(loadNotice(text, 'typo.yaml'));
    expect(notice).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'unknown-reference', line: 19, column: 3 });
    expect(diagnostics[0]!.expected).toEqual(['support:legalBasis.citation']);
  });

  it('a clause-scoped override naming a real clause is accepted', () => {
    const text = reference.replace('phrases:\n', 'phrases:\n  support:legalBasis.citation:\n    lv: "x"\n    en: "x"\n');
    expect(validateNotice(loadNotice(text, 'ok.yaml')).diagnostics).toEqual([]);
  });
});

describe('messages name the place of the problem', () => {
  const messages = (file: string) => validateNotice(loadNotice(readFileSync(path.join(ROOT, 'test/fixtures/validate/invalid', file)), file)).diagnostics.map((d) => d.message);

  it('a key combination: the object, as a key path', () => {
    expect(messages('destination-empty.yaml')).toEqual(["transfers.destinations[0] needs either 'country' (an ISO code such as 'US') or 'organisation'; add one."]);
  });

  it('a text without a declared locale: the text, as a key path', () => {
    const found = messages('locale-missing.yaml');
    expect(found.length).toBeGreaterThan(0);
    for (const message of found) expect(message).toMatch(/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*|\[\d+\])* has no '[a-z-]+' text; add /);
  });
});
