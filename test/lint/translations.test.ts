/**
 * Translation reviews: `translations mark-reviewed` records hashes of the source texts, an edit of a
 * source text makes its translations stale, `translations status` lists them.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashText, type JsonFinding } from '../../src/lint/index.js';
import { cli, TODAY } from './util-cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE = `${ROOT}notices/praxisportal.yaml`;
const REMINDER_DE = 'Erinnerung an Ihre gebuchten Termine per SMS oder E-Mail 24 Stunden vor dem Termin.';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'noticekit-translations-'));
  mkdirSync(path.join(dir, '.git'));
  file = path.join(dir, 'praxisportal.yaml');
  copyFileSync(SOURCE, file);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Only the translation rules: the other findings of the notice are not what these tests are about.
const lint = async () =>
  (JSON.parse((await cli(['lint', file, '--format', 'json', '--date', TODAY], dir)).stdout) as JsonFinding[]).filter((f) => f.rule.startsWith('translation-'));
const edit = (from: string, to: string) => {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
};

describe('translations mark-reviewed', () => {
  it('records every translation; lint then reports no translation finding', async () => {
    expect((await lint()).map((f) => f.rule)).toEqual(['translation-unreviewed']);
    const r = await cli(['translations', 'mark-reviewed', 'praxisportal.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/marked \d+ en texts as reviewed/);
    expect(await lint()).toEqual([]);
  });

  it('keeps the rest of the file byte for byte, comments and folded texts included', async () => {
    const before = readFileSync(file, 'utf8');
    await cli(['translations', 'mark-reviewed', 'praxisportal.yaml'], dir);
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    const store = after.slice(before.length);
    expect(store).toMatch(/^\n# Written by `noticekit translations mark-reviewed`/);
    expect(store).toContain(`\n    reminders.description: ${hashText(REMINDER_DE)}\n`);
    expect(store).toContain('\ntranslationReviews:\n  en:\n    title: ');
  });

  it('an edited source text makes its translation stale, at the translation; marking the clause clears it', async () => {
    await cli(['translations', 'mark-reviewed', 'praxisportal.yaml'], dir);
    edit(REMINDER_DE, 'Erinnerung an Ihre gebuchten Termine per SMS 48 Stunden vor dem Termin.');
    const found = await lint();
    const lines = readFileSync(file, 'utf8').split('\n');
    const enLine = lines.findIndex((l) => l.startsWith('      en: Reminding you of your booked appointments')) + 1;
    expect(found.map((f) => [f.rule, f.severity, f.clause, f.line, f.column])).toEqual([['translation-stale', 'warning', 'reminders', enLine, 11]]);

    const status = await cli(['translations', 'status', 'praxisportal.yaml'], dir);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/en: \d+ reviewed, 1 stale, 0 unreviewed/);
    expect(status.stdout).toMatch(new RegExp(`stale +reminders\\.description +${enLine}:11`));

    const before = readFileSync(file, 'utf8');
    const r = await cli(['translations', 'mark-reviewed', 'praxisportal.yaml', '--locale', 'en', '--id', 'reminders'], dir);
    expect(r.stderr).toContain('(1 stale before)');
    expect(await lint()).toEqual([]);
    // Only the one record changed.
    const changed = readFileSync(file, 'utf8').split('\n').filter((l, i) => l !== before.split('\n')[i]);
    expect(changed).toEqual([`    reminders.description: ${hashText('Erinnerung an Ihre gebuchten Termine per SMS 48 Stunden vor dem Termin.')}`]);
  });

  it('re-wrapping a source text (white space only) does not make it stale', async () => {
    await cli(['translations', 'mark-reviewed', 'praxisportal.yaml'], dir);
    edit('      de: >-\n        Registrierung im Praxisportal sowie Buchung,', '      de: >-\n        Registrierung im Praxisportal\n        sowie Buchung,');
    expect(await lint()).toEqual([]);
  });

  it('reports records of texts that no longer exist, and a whole-locale review removes them', async () => {
    await cli(['translations', 'mark-reviewed', 'praxisportal.yaml'], dir);
    edit('  - id: security\n    after: retention', '  - id: data-security\n    after: retention');
    const found = await lint();
    expect(found.filter((f) => f.rule === 'translation-stale').map((f) => f.path)).toEqual(['translationReviews.en.security.heading', 'translationReviews.en.security.text']);
    expect(found.filter((f) => f.rule === 'translation-unreviewed').map((f) => [f.clause, f.path.replace(/^clauses\[\d+\]\./, '')])).toEqual([
      ['data-security', 'heading.en'],
      ['data-security', 'text.en'],
    ]);
    const r = await cli(['translations', 'mark-reviewed', 'praxisportal.yaml', '--locale', 'en'], dir);
    expect(r.stderr).toContain('removed 2 outdated records');
    expect(await lint()).toEqual([]);
  });

  it('refuses the source locale, an unknown locale or clause id (exit 2) and invalid notices (exit 1)', async () => {
    const before = readFileSync(file, 'utf8');
    expect((await cli(['translations', 'mark-reviewed', 'praxisportal.yaml', '--locale', 'de'], dir)).stderr).toContain("'de' is the source locale");
    expect((await cli(['translations', 'mark-reviewed', 'praxisportal.yaml', '--locale', 'fr'], dir)).code).toBe(2);
    expect((await cli(['translations', 'mark-reviewed', 'praxisportal.yaml', '--id', 'no-such-clause'], dir)).code).toBe(2);
    expect((await cli(['translations', 'frobnicate', 'praxisportal.yaml'], dir)).code).toBe(2);
    expect((await cli(['translations', 'status'], dir)).code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(before);
    edit('sourceLocale: de', 'sourceLocale: fr');
    const broken = readFileSync(file, 'utf8');
    expect((await cli(['translations', 'mark-reviewed', 'praxisportal.yaml'], dir)).code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(broken);
  });
});

describe('translations status', () => {
  it('lists unreviewed texts with their positions, also as JSON', async () => {
    const r = await cli(['translations', 'status', 'praxisportal.yaml', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { locale: string; key: string; status: string; line: number; clause: string }[];
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.every((row) => row.locale === 'en' && row.status === 'unreviewed')).toBe(true);
    const title = rows.find((row) => row.key === 'title')!;
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(title.line).toBe(lines.indexOf('  en: Privacy Notice for Patients of the Praxisportal') + 1);
    expect(title.clause).toBe('praxisportal');
  });
});
