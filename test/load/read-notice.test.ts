/**
 * The loader: bytes -> checked text -> one YAML document with positions and plain data. Hostile
 * input classes are covered by test/validate/invalid-fixtures.test.ts; here are the loader's own
 * guarantees: the data it builds, exact positions, bounded time on pathological input.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/load/decode-text.js';
import { loadNotice, loadNoticeFile, MAX_DEPTH, type LoadedNotice } from '../../src/load/read-notice.js';
import { cpuClock } from '../helpers/cpu-clock.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const REFERENCE = path.join(ROOT, 'notices/kaspersky-technical-support.yaml');
const reference = readFileSync(REFERENCE, 'utf8');
const scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-load-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const positions = (loaded: LoadedNotice) => loaded.diagnostics.map((d) => [d.code, d.line, d.column]);

/** Time one call: the milliseconds of CPU time it took (a busy machine does not count). */
function timed<T>(fn: () => T): [T, number] {
  const cpuMs = cpuClock();
  const value = fn();
  return [value, cpuMs()];
}

describe('loadNotice data', () => {
  it.each(['notices/kaspersky-technical-support.yaml', 'notices/praxisportal.yaml', 'test/fixtures/notices/praxisportal.v1.yaml', 'test/fixtures/notices/praxisportal.v2.yaml'])(
    'is what yaml itself reads from %s',
    (file) => {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      const loaded = loadNotice(text, file);
      expect(loaded.diagnostics).toEqual([]);
      expect(loaded.data).toEqual(YAML.parse(text, { version: '1.2', schema: 'core' }));
    },
  );

  it('keeps scalars typed as YAML 1.2 core does (NO stays text, numbers, booleans, null)', () => {
    const loaded = loadNotice('a: NO\nb: 1.5\nc: true\nd: ~\ne: "1.0"\nf: 2021-06-01\ng:\n');
    expect(loaded.data).toEqual({ a: 'NO', b: 1.5, c: true, d: null, e: '1.0', f: '2021-06-01', g: null });
  });

  it('gives no data when there is an error', () => {
    expect(loadNotice('a: 1\na: 2\n').data).toBeUndefined();
  });

  it('puts process.env back after parsing', () => {
    const env = process.env;
    loadNotice(reference);
    loadNotice('a: [1\n');
    expect(process.env).toBe(env);
  });
});

describe('loadNotice text checks', () => {
  it('accepts CRLF line endings and a BOM, with the same positions', () => {
    const broken = reference.replace('effectiveDate: 2021-06-01\n', 'effectiveDate: 2021-06-01\neffectiveDate: 2021-06-02\n');
    const lf = positions(loadNotice(Buffer.from(broken)));
    const crlfBom = positions(loadNotice(Buffer.from(`\uFEFF${broken.replace(/\n/g, '\r\n')}`)));
    expect(lf).toEqual([['duplicate-key', 9, 1]]);
    expect(crlfBom).toEqual(lf);
  });

  it.each([
    ['a lone continuation byte', [0x61, 0x3a, 0x20, 0x80, 0x0a], 1, 4],
    ['a lead byte without its continuation', [0x0a, 0x61, 0x3a, 0x20, 0xc3, 0x28], 2, 4],
    ['a sequence cut off at the end', [0x61, 0x3a, 0x20, 0xe2, 0x82], 1, 4],
    ['an overlong encoding', [0x61, 0x3a, 0x20, 0xc0, 0x80], 1, 4],
    ['an encoded surrogate', [0x61, 0x3a, 0x20, 0xed, 0xa0, 0x80], 1, 4],
    ['invalid bytes after multi-byte characters', [...Buffer.from('a: āā'), 0xff], 1, 6],
  ])('positions invalid UTF-8: %s', (_, bytes, line, column) => {
    expect(positions(loadNotice(Uint8Array.from(bytes)))).toEqual([['invalid-encoding', line, column]]);
  });

  it('decodes UTF-8 exactly as a fatal TextDecoder does, or fails where it fails', () => {
    const cases = [
      [], [0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf, 0x61, 0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], [0xef, 0xbb],
      [...Buffer.from('a: ü € 𝄞 \u{10FFFF}')], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe0, 0x80, 0xaf], [0xc1, 0xbf],
      [0xed, 0x9f, 0xbf], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xee, 0x80, 0x80], [0xef, 0xbf, 0xbe], [0xf0, 0x8f, 0xbf, 0xbf], [0x00, 0x7f, 0x80],
    ];
    // And every two-byte sequence.
    for (let a = 0; a < 256; a += 3) for (let b = 0; b < 256; b += 5) cases.push([a, b]);
    for (const bytes of cases) {
      const array = Uint8Array.from(bytes);
      let expected: string | undefined;
      try {
        expected = new TextDecoder('utf-8', { fatal: true }).decode(array);
      } catch {
        expected = undefined;
      }
      const decoded = decodeUtf8(array);
      if (expected === undefined) expect(typeof decoded, JSON.stringify(bytes)).toBe('object');
      else expect(decoded, JSON.stringify(bytes)).toBe(expected);
    }
    // A Buffer that is a view into a larger one is decoded from its own bytes only.
    const big = Buffer.from('xx: ä\nyy');
    expect(decodeUtf8(big.subarray(1, 7))).toBe('x: ä\n');
  });

  it('reports every control and invisible character, warnings for joiners', () => {
    const loaded = loadNotice('a: x\u0007y\nb: x\u200Dy\n');
    expect(loaded.diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([
      ['control-character', 'error', 1, 5],
      ['hidden-character', 'warning', 2, 5],
    ]);
  });

  it('accepts a zero-width joiner as a warning only', () => {
    const loaded = loadNotice('a: x\u200Dy\n');
    expect(loaded.data).toEqual({ a: 'x\u200Dy' });
  });
});

describe('loadNotice positions', () => {
  it('points at the anchor and the tag, not at the value after them', () => {
    expect(positions(loadNotice('a: 1\nb: &x\n  c: 1\nd: !foo\n  e: 1\n'))).toEqual([
      ['alias', 2, 4],
      ['tag', 4, 4],
    ]);
  });

  it('reports a tag once, even where yaml warns about it too', () => {
    expect(positions(loadNotice('a: !!js/function "f"\n'))).toEqual([['tag', 1, 4]]);
  });

  it('points at the opening quote of an unclosed quoted text', () => {
    expect(positions(loadNotice('a: 1\nb: "abc\nc: 2\n'))).toEqual([['yaml-syntax', 2, 4]]);
  });

  it('points at the opening bracket of an unclosed flow collection', () => {
    expect(positions(loadNotice('a: 1\nb: {c: 1\nd: 2\n'))).toEqual([['yaml-syntax', 2, 4]]);
  });

  it('reports %YAML and %TAG directives at their lines', () => {
    expect(positions(loadNotice('%YAML 1.2\n%TAG !! tag:example.com,2000:\n---\na: 1\n'))).toEqual([
      ['directive', 1, 1],
      ['directive', 2, 1],
    ]);
  });

  it('reports too deep nesting once, at the same place however deep it goes', () => {
    const at = (n: number) => positions(loadNotice(`a:\n  b: ${'['.repeat(n)}${']'.repeat(n)}\n`));
    // Root mapping 1, a's mapping 2, so bracket MAX_DEPTH - 1 opens level MAX_DEPTH + 1.
    const expected = [['nesting-too-deep', 2, 6 + MAX_DEPTH - 2]];
    expect(at(40)).toEqual(expected);
    expect(at(300)).toEqual(expected);
    expect(at(100_000)).toEqual(expected);
  });
});

describe('loadNotice bounded time (input just under the 1 MiB limit)', () => {
  it.each([
    ['a million unclosed [', `a: ${'['.repeat(1_000_000)}`],
    ['half a million closed [ ]', `a: ${'['.repeat(500_000)}${']'.repeat(500_000)}`],
    ['nested flow mappings', `a: ${'{a: '.repeat(250_000)}`],
    ['nested block sequences on one line (- - - x)', `a:\n${'- '.repeat(500_000)}x\n`],
  ])('%s: nesting-too-deep in well under a second', (_, text) => {
    const [loaded, ms] = timed(() => loadNotice(text));
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['nesting-too-deep']);
    expect(ms).toBeLessThan(1000);
  });

  it('50,000 distinct keys (yaml compared each key with every other: 27 s for 60,000)', () => {
    const text = Array.from({ length: 50_000 }, (_, i) => `key${i}: ${i}`).join('\n');
    const [loaded, ms] = timed(() => loadNotice(text));
    expect(loaded.diagnostics).toEqual([]);
    expect(ms).toBeLessThan(3000);
  });
});

describe('loadNoticeFile', () => {
  it('reports a missing file and a folder as unreadable', async () => {
    expect(positions(await loadNoticeFile(path.join(scratch, 'missing.yaml')))).toEqual([['file-unreadable', 1, 1]]);
    expect(positions(await loadNoticeFile(scratch))).toEqual([['file-unreadable', 1, 1]]);
  });

  it('reads a notice', async () => {
    const loaded = await loadNoticeFile(REFERENCE);
    expect(loaded.diagnostics).toEqual([]);
    expect((loaded.data as { id: string }).id).toBe('kaspersky-technical-support');
  });
});
