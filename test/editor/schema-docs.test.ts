/**
 * The schema's editor help: every description has its `markdownDescription`, every `gdpr:` value
 * (and the other documented enums) says what it is, and the committed schema is what
 * scripts/gen-schema-docs.mjs makes of it (run `npm run gen:schema-docs` after editing the schema).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { ENUM_DOCS, withDocs } from '../../scripts/gen-schema-docs.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const text = readFileSync(path.join(ROOT, 'schema/notice.schema.json'), 'utf8');
const schema = JSON.parse(text) as Record<string, unknown>;

type Node = { description?: unknown; markdownDescription?: unknown; markdownEnumDescriptions?: unknown; enum?: unknown[] };
function nodes(value: unknown, pointer = '', out: { pointer: string; node: Node }[] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => nodes(v, `${pointer}/${i}`, out));
  else if (value && typeof value === 'object') {
    out.push({ pointer, node: value as Node });
    for (const [k, v] of Object.entries(value)) nodes(v, `${pointer}/${k}`, out);
  }
  return out;
}
const at = (pointer: string) => nodes(schema).find((n) => n.pointer === pointer)!.node;

describe('schema editor help', () => {
  it('is up to date with scripts/gen-schema-docs.mjs (run npm run gen:schema-docs)', () => {
    expect((withDocs as (t: string) => string)(text) === text).toBe(true);
  });

  it('gives every description a markdownDescription that starts with it', () => {
    const described = nodes(schema).filter((n) => typeof n.node.description === 'string');
    expect(described.length).toBeGreaterThan(100);
    const missing = described.filter((n) => typeof n.node.markdownDescription !== 'string' || !(n.node.markdownDescription as string).startsWith(n.node.description as string));
    expect(missing.map((n) => n.pointer)).toEqual([]);
  });

  it('says what each gdpr: legal basis is, citing its article and point', () => {
    const basis = at('/$defs/GdprBasis');
    const docs = basis.markdownEnumDescriptions as string[];
    expect(docs).toHaveLength(basis.enum!.length);
    basis.enum!.forEach((value, i) => {
      const [, article, paragraph, point] = /^(\d+)\((\d)\)\(([a-j])\)$/.exec(value as string)!;
      expect(docs[i]).toMatch(new RegExp(`^Art\\. ${article}\\(${paragraph}\\)\\(${point}\\): `));
    });
    expect(docs[basis.enum!.indexOf('6(1)(f)')]).toContain('legitimate interests');
    expect(docs[basis.enum!.indexOf('9(2)(a)')]).toContain('explicit consent');
    expect(new Set(docs).size).toBe(docs.length);
  });

  it('documents every value of each enum it lists', () => {
    for (const [pointer, docs] of Object.entries(ENUM_DOCS as Record<string, Record<string, string>>)) {
      const node = at(pointer);
      expect(node.markdownEnumDescriptions, pointer).toEqual(node.enum!.map((v) => docs[v as string]));
    }
  });

  it('refuses a documented enum that gained a value without a description', () => {
    const grown = text.replace('"9(2)(j)"]', '"9(2)(j)", "9(2)(k)"]');
    expect(grown).not.toBe(text);
    expect(() => (withDocs as (t: string) => string)(grown)).toThrow(/9\(2\)\(k\)/);
  });
});
