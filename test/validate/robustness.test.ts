/**
 * The reference notice with random hostile edits: loading and validating never throws, every
 * diagnostic has a position, each file takes well under a second, Object.prototype stays clean.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadNotice } from '../../src/load/read-notice.js';
import { validateNotice } from '../../src/validate/validate-notice.js';
import { cpuClock } from '../helpers/cpu-clock.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const reference = readFileSync(path.join(ROOT, 'notices/kaspersky-technical-support.yaml'));

const SNIPPETS = ['&a ', '*a', '!!str ', '!x ', '<<: ', '%YAML 1.1\n', '%TAG !e! tag:e,2000:\n', '---\n', '...\n', '[', ']', '{', '}', '"', "'", '\t', '\0', '\u202E', '\u200B', '? ', '- ', ': ', '#', '|\n', '>-\n', '__proto__: {polluted: 1}\n', 'constructor: 1\n', '\\', '\r', '\n', ',', '<script>', '[x](javascript:1)', '![i](https://x)', 'NO', '~', '\uFEFF', '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['];

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ at: fc.nat(), insert: fc.constantFrom(...SNIPPETS).map((s) => Buffer.from(s)) }),
  fc.record({ at: fc.nat(), remove: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
);

/** One edit: insert a snippet, remove some bytes, or overwrite one byte, at an offset (wrapped). */
interface Edit {
  at: number;
  insert?: Buffer;
  remove?: number;
  byte?: number;
}

function apply(bytes: Buffer, edits: Edit[]): Buffer {
  let out = bytes;
  for (const e of edits) {
    const at = e.at % (out.length + 1);
    if (e.insert) out = Buffer.concat([out.subarray(0, at), e.insert, out.subarray(at)]);
    else if (e.remove) out = Buffer.concat([out.subarray(0, at), out.subarray(at + e.remove)]);
    else if (e.byte !== undefined && at < out.length) {
      out = Buffer.from(out);
      out[at] = e.byte;
    }
  }
  return out;
}

describe('hostile edits of the reference notice', () => {
  it('never throw, are always positioned and quick', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const bytes = apply(reference, edits);
        const cpuMs = cpuClock();
        const { diagnostics } = validateNotice(loadNotice(bytes, 'mutated.yaml'));
        expect(cpuMs()).toBeLessThan(1000);
        for (const d of diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.message).not.toBe('');
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300, seed: 4242 },
    );
  });
});
