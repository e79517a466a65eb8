/**
 * The notices we ship and the test notices validate with zero errors, whatever the line endings
 * and with or without a byte-order mark.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNotice, loadNoticeFile } from '../../src/load/read-notice.js';
import { validateNotice } from '../../src/validate/validate-notice.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FILES = [
  ...readdirSync(path.join(ROOT, 'notices'))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => `notices/${f}`),
  'test/fixtures/notices/praxisportal.v1.yaml',
  'test/fixtures/notices/praxisportal.v2.yaml',
];

const errors = (bytes: Uint8Array | string, file: string) => validateNotice(loadNotice(bytes, file)).diagnostics.filter((d) => d.severity === 'error');

describe('valid notices', () => {
  it('include both shipped notices', () => {
    expect(FILES).toContain('notices/kaspersky-technical-support.yaml');
    expect(FILES).toContain('notices/praxisportal.yaml');
  });

  it.each(FILES)('%s has no errors', async (file) => {
    const result = validateNotice(await loadNoticeFile(path.join(ROOT, file)));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.notice).toBeDefined();
  });

  it.each(FILES)('%s has no errors with CRLF line endings and a BOM', (file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const crlf = text.replace(/\n/g, '\r\n');
    expect(errors(Buffer.from(crlf), file)).toEqual([]);
    expect(errors(Buffer.from(`\uFEFF${text}`), file)).toEqual([]);
    expect(errors(Buffer.from(`\uFEFF${crlf}`), file)).toEqual([]);
  });

  it('positions errors in a CRLF file with a BOM the same as in the LF file', () => {
    const text = readFileSync(path.join(ROOT, 'notices/kaspersky-technical-support.yaml'), 'utf8').replace('gdpr: 6(1)(b)', 'gdpr: 6(1)(g)');
    const where = (bytes: Buffer) => errors(bytes, 'x.yaml').map((d) => [d.code, d.line, d.column]);
    const lf = where(Buffer.from(text));
    expect(lf).toHaveLength(1);
    expect(where(Buffer.from(`\uFEFF${text.replace(/\n/g, '\r\n')}`))).toEqual(lf);
  });
});
