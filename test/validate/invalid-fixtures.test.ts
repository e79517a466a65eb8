/**
 * One test per invalid fixture: test/fixtures/validate/invalid/<reason>.yaml beside <reason>.json
 * listing diagnostics that must be present (code, line, column). Each goes through the CLI path
 * `run(['validate', file], io)`: exit 1, errors at the right place, no stack trace, well under a
 * second, and Object.prototype untouched. Fixtures are written by make-invalid-fixtures.mjs in that
 * folder; a `<reason>.gen.json` describes an input too big to commit, built here.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { fakeIO } from '../cli/fake-io.js';
import { cpuClock } from '../helpers/cpu-clock.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIR = path.join(ROOT, 'test/fixtures/validate/invalid');
const scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-invalid-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Expected {
  code: string;
  line: number;
  column: number;
}

interface JsonDiagnostic extends Expected {
  file: string;
  severity: string;
  message: string;
  path: string;
  expected?: string[];
}

/** How to build an input too big to commit. */
interface Generated {
  description: string;
  /** A file (relative to the repository) to start from. */
  base: string;
  /** Text appended `times` times. */
  append: string;
  times: number;
}

const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.gen.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

/** Path of the fixture's input, building it first when it is described by a .gen.json. */
function inputFor(name: string): string {
  const committed = path.join(DIR, `${name}.yaml`);
  if (existsSync(committed)) return committed;
  const gen = JSON.parse(readFileSync(path.join(DIR, `${name}.gen.json`), 'utf8')) as Generated;
  const file = path.join(scratch, `${name}.yaml`);
  writeFileSync(file, readFileSync(path.join(ROOT, gen.base), 'utf8') + gen.append.repeat(gen.times));
  return file;
}

const protoNames = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  // A __proto__/constructor/prototype key must never reach Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoNames);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('invalid fixtures', () => {
  it('are at least 40, each with a .yaml or a .gen.json', () => {
    expect(names.length).toBeGreaterThanOrEqual(40);
    for (const name of names) expect(existsSync(path.join(DIR, `${name}.yaml`)) || existsSync(path.join(DIR, `${name}.gen.json`)), name).toBe(true);
  });

  it.each(names)('%s', async (name) => {
    const expected = JSON.parse(readFileSync(path.join(DIR, `${name}.json`), 'utf8')) as Expected[];
    expect(expected.length).toBeGreaterThan(0);
    const file = inputFor(name);

    const json = fakeIO(ROOT);
    let cpuMs = cpuClock();
    const jsonCode = await run(['validate', '--format', 'json', file], json.io);
    const jsonMs = cpuMs();
    expect(jsonCode).toBe(1);
    const reported = JSON.parse(json.stdout()) as JsonDiagnostic[];
    for (const want of expected) {
      const found = reported.find((d) => d.code === want.code && d.line === want.line && d.column === want.column);
      expect(found, `${want.code} at ${want.line}:${want.column}; got ${reported.map((d) => `${d.code} ${d.line}:${d.column}`).join(', ')}`).toBeDefined();
      expect(found!.severity).toBe('error');
      expect(found!.file).toBe(file);
    }

    const text = fakeIO(ROOT);
    cpuMs = cpuClock();
    const textCode = await run(['validate', file], text.io);
    const textMs = cpuMs();
    expect(textCode).toBe(1);
    expect(text.stdout()).toBe('');
    expect(text.stderr()).not.toMatch(/^ {4}at /m);
    expect(text.stderr()).not.toMatch(/internal error/);
    for (const want of expected) expect(text.stderr()).toContain(`${want.line}:${want.column}`);

    expect(jsonMs).toBeLessThan(1000);
    expect(textMs).toBeLessThan(1000);
  });
});

describe('unknown keys', () => {
  it("suggest the key that was meant (titel: did you mean 'title')", async () => {
    const { io, stdout } = fakeIO(ROOT);
    expect(await run(['validate', '--format', 'json', path.join(DIR, 'unknown-key-typo.yaml')], io)).toBe(1);
    const unknown = (JSON.parse(stdout()) as JsonDiagnostic[]).find((d) => d.code === 'unknown-key');
    // The suggestion is a field (printed by the text formatter), not part of the message.
    expect(unknown?.expected).toEqual(['title']);
    expect(unknown?.message).not.toMatch(/did you mean/i);
    expect(unknown?.path).toBe('titel');
  });

  it.each([
    ['unknown-key-nested-category', 'categories[0].sorce', 'source', 'label, condition, special'],
    ['unknown-key-nested-controller', 'controller.adress', 'address', 'name, aliases, address, contact'],
  ])('%s: a typo in a nested object is matched against that object\'s keys', async (name, where, meant, keys) => {
    const { io, stdout } = fakeIO(ROOT);
    expect(await run(['validate', '--format', 'json', path.join(DIR, `${name}.yaml`)], io)).toBe(1);
    const unknown = (JSON.parse(stdout()) as JsonDiagnostic[]).filter((d) => d.code === 'unknown-key');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]!.path).toBe(where);
    expect(unknown[0]!.expected).toEqual([meant]);
    expect(unknown[0]!.message).toContain(keys);
    expect(unknown[0]!.message).not.toContain('effectiveDate');
  });
});
