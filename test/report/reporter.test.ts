/**
 * The one reporter: positioning by key path, offset and place; ranges; path format; repeats;
 * sorting; the report limit; suggestions and related places as fields, printed by the formatters.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadNotice } from '../../src/load/read-notice.js';
import { formatDiagnostics, fullMessage } from '../../src/report/format-diagnostics.js';
import { toJsonFindings } from '../../src/report/format-json.js';
import { Reporter } from '../../src/report/reporter.js';
import { validateNotice } from '../../src/validate/validate-notice.js';

const TEXT = 'id: a\nlocales:\n  - en\n  - de\npurposes:\n  - id: support\n    name: x\n';

describe('Reporter', () => {
  it('positions a key path at the value or the key, writes the path as a.b[0].c, keeps one-line ranges', () => {
    const report = new Reporter('n.yaml', loadNotice(TEXT, 'n.yaml', { fast: false }));
    report.add({ code: 'invalid-locale', message: 'm', path: ['locales', 1] });
    report.add({ code: 'missing-key', message: 'k', path: ['purposes', 0, 'name'], at: 'key' });
    const [a, b] = report.list();
    expect(a).toMatchObject({ code: 'invalid-locale', severity: 'error', file: 'n.yaml', line: 4, column: 5, endLine: 4, endColumn: 7, path: 'locales[1]' });
    expect(b).toMatchObject({ line: 7, column: 5, path: 'purposes[0].name' });
  });

  it('positions an offset, dropping a range that runs over a line break, and takes a given line and column', () => {
    const report = new Reporter('n.yaml', loadNotice(TEXT, 'n.yaml'));
    report.add({ code: 'raw-html', message: 'one line', at: { offset: 0, end: 2 } });
    report.add({ code: 'raw-html', message: 'two lines', at: { offset: 0, end: 9 } });
    report.add({ code: 'template-error', message: 'given', at: { line: 9, column: 3 } });
    const list = report.list();
    expect(list.map((d) => [d.message, d.line, d.column, d.endLine, d.endColumn])).toEqual([
      ['one line', 1, 1, 1, 3],
      ['two lines', 1, 1, undefined, undefined],
      ['given', 9, 3, undefined, undefined],
    ]);
  });

  it('drops exact repeats, sorts by position then code, and caps at the limit with one too-many-diagnostics', () => {
    const report = new Reporter('n.yaml', loadNotice(TEXT, 'n.yaml'), { limit: 2 });
    report.add({ code: 'unknown-key', message: 'b', path: ['purposes'] });
    report.add({ code: 'unknown-key', message: 'b', path: ['purposes'] });
    report.add({ code: 'alias', message: 'a', path: ['id'] });
    report.add({ code: 'tag', message: 'c', path: ['locales'] });
    report.countUnreported(5);
    const list = report.list();
    expect(list.map((d) => d.code)).toEqual(['alias', 'tag', 'too-many-diagnostics']);
    expect(list[2]).toMatchObject({ severity: 'info', message: expect.stringMatching(/^6 more problems/) as unknown as string });
  });

  it('needs no notice when every problem gives its place', () => {
    const report = new Reporter('t.hbs');
    expect(report.add({ code: 'template-error', message: 'x', at: { line: 2, column: 4 } })).toMatchObject({ line: 2, column: 4 });
    expect(() => report.add({ code: 'template-error', message: 'y', path: ['a'] })).toThrow(/needs a line and column/);
  });
});

describe('suggestions and related places are fields', () => {
  const text = readFileSync(new URL('../fixtures/validate/invalid/duplicate-id.yaml', import.meta.url), 'utf8');
  const { diagnostics } = validateNotice(loadNotice(text, 'duplicate-id.yaml'));
  const duplicate = diagnostics.find((d) => d.code === 'duplicate-id')!;

  it('a duplicate id names the first use as a related place, not inside the message', () => {
    expect(duplicate.message).not.toMatch(/\(line \d+\)/);
    expect(duplicate.related).toHaveLength(1);
    const first = duplicate.related![0]!;
    expect(first.line).toBeLessThan(duplicate.line);
    expect(text.split('\n')[first.line - 1]!.slice(first.column - 1)).toMatch(/^\w/);
    expect(first.path).toMatch(/\.id$/);
  });

  it('the text report prints the related place under the finding, and a suggestion after the message', () => {
    const out = formatDiagnostics(diagnostics, { sources: new Map([['duplicate-id.yaml', text]]) });
    expect(out).toContain(`    ${duplicate.related![0]!.line}:${duplicate.related![0]!.column}  ${duplicate.related![0]!.message} (${duplicate.related![0]!.path})`);
    const typo = { ...duplicate, code: 'unknown-key' as const, message: "'titel' is not a known key.", expected: ['title'], related: undefined };
    expect(formatDiagnostics([typo])).toContain("'titel' is not a known key. Did you mean 'title'?  unknown-key");
    expect(fullMessage(duplicate)).toContain(`(${duplicate.related![0]!.message}: line ${duplicate.related![0]!.line})`);
  });

  it('JSON carries them as fields', () => {
    const [json] = toJsonFindings([duplicate]);
    expect(json).toMatchObject({ code: 'duplicate-id', rule: 'duplicate-id', clause: '', related: duplicate.related });
  });
});
