#!/usr/bin/env node
// Generate src/model/notice.generated.ts from schema/notice.schema.json.
// `node scripts/gen-types.mjs --check` exits 1 if the committed file is out of date (used by the tests).
import { readFileSync, writeFileSync } from 'node:fs';
import { compile } from 'json-schema-to-typescript';

const root = new URL('..', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('schema/notice.schema.json', root), 'utf8'));
const target = new URL('src/model/notice.generated.ts', root);

// A $ref with sibling keywords (our per-property descriptions) makes json-schema-to-typescript
// emit a fresh copy of the referenced type (Text1, Text2, ...). Keep only the $ref for typing.
function refsOnly(node) {
  if (Array.isArray(node)) return node.map(refsOnly);
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') return { $ref: node.$ref };
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, refsOnly(v)]));
}

export async function generate() {
  return compile(refsOnly(schema), 'Notice', {
    bannerComment: '/* Generated from schema/notice.schema.json by scripts/gen-types.mjs. Do not edit; run `npm run gen:types`. */',
    additionalProperties: false,
    ignoreMinAndMaxItems: true,
    unreachableDefinitions: true,
    strictIndexSignatures: true,
    style: { singleQuote: true, printWidth: 120 },
    format: true,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ts = await generate();
  if (process.argv.includes('--check')) {
    const current = readFileSync(target, 'utf8');
    if (current !== ts) {
      console.error('src/model/notice.generated.ts is out of date; run npm run gen:types');
      process.exit(1);
    }
  } else writeFileSync(target, ts);
}
