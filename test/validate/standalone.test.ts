/**
 * The precompiled (standalone) validator gives exactly the errors of the run-time compiled one.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNotice } from '../../src/load/read-notice.js';
import { loadStandalone, schemaValidator, standaloneValidatorSource, withoutAnnotations } from '../../src/validate/compile-schema.js';
import { noticeSchema } from '../../src/notice/schema.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('standalone validator', () => {
  it('agrees with the compiled schema on valid and invalid notices, and is refused for another schema', () => {
    // Inside the project so the generated code resolves ajv from node_modules.
    const cache = path.join(ROOT, 'node_modules/.cache/noticekit');
    mkdirSync(cache, { recursive: true });
    const file = path.join(mkdtempSync(path.join(cache, 'standalone-')), 'v.cjs');
    writeFileSync(file, standaloneValidatorSource());
    const standalone = loadStandalone(file)!;
    expect(standalone).toBeTypeOf('function');
    const runtime = schemaValidator();
    const dir = path.join(ROOT, 'test/fixtures/validate/invalid');
    const inputs = [path.join(ROOT, 'notices/kaspersky-technical-support.yaml'), ...readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => path.join(dir, f))];
    let compared = 0;
    for (const input of inputs) {
      const loaded = loadNotice(readFileSync(input), input);
      if (loaded.data === undefined) continue;
      expect(standalone(loaded.data)).toBe(runtime(loaded.data));
      expect(standalone.errors ?? null).toEqual(runtime.errors ?? null);
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
    writeFileSync(file, standaloneValidatorSource().replace(/schema-sha256: \w+/, 'schema-sha256: 0000'));
    expect(loadStandalone(file)).toBeUndefined();
  });

  it('is compiled without the schema\'s descriptions, but with every property, even one called description', () => {
    const slim = withoutAnnotations(noticeSchema());
    const text = JSON.stringify(slim);
    // No property has these names; `title` and `description` are also properties of some definitions.
    expect(text).not.toMatch(/"(markdownDescription|markdownEnumDescriptions)":/);
    expect(slim.title).toBeUndefined();
    expect(slim.properties!.title).toEqual({ $ref: '#/$defs/Text' });
    expect(text.length).toBeLessThan(JSON.stringify(noticeSchema()).length / 2);
    const purpose = slim.$defs!.Purpose!;
    expect(Object.keys(purpose.properties!)).toEqual(Object.keys(noticeSchema().$defs!.Purpose!.properties!));
    expect(purpose.properties!.description).toBeDefined();
    expect(purpose.properties!.description!.description).toBeUndefined();
    expect(standaloneValidatorSource()).toMatch(/^[\x00-\x7f]*$/);
  });
});
