/**
 * yaml in parts (src/load/yaml-lib.ts): each part loaded by its file is the very object yaml's
 * index exports, so the fast path and the full path read with the same code. A yaml release that
 * moves these files fails here (the code itself falls back to the whole library).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { cst, lexer, newLineCounter, nodeKinds, yaml } from '../../src/load/yaml-lib.js';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '../..');

describe('yaml in parts', () => {
  it('gives the objects yaml itself exports', () => {
    const whole = require('yaml') as typeof YAML;
    expect(yaml()).toBe(whole);
    expect(cst()).toBe(whole.CST);
    expect(lexer()).toBe(whole.Lexer);
    expect(newLineCounter()).toBeInstanceOf(whole.LineCounter);
    for (const name of ['isAlias', 'isMap', 'isPair', 'isScalar', 'isSeq'] as const) expect(nodeKinds()[name]).toBe(whole[name]);
  });

  it('reads a valid notice without the rest of the library, and composes an invalid one with it', () => {
    // In a fresh process, with the compiled loader: which of yaml's modules did reading load?
    const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
    const loaderUrl = pathToFileURL(path.join(ROOT, 'dist/load/read-notice.js')).href;
    const probe = (text: string) => {
      const script = `
        const { loadNotice } = await import(${JSON.stringify(loaderUrl)});
        const loaded = loadNotice(${JSON.stringify(text)}, 'n.yaml');
        const yamlFiles = Object.keys((await import('node:module')).createRequire(import.meta.url).cache).filter((k) => k.includes('/node_modules/yaml/'));
        process.stdout.write(JSON.stringify({ ok: loaded.diagnostics.length === 0, composer: yamlFiles.some((k) => k.includes('compose/composer')) }));`;
      return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as { ok: boolean; composer: boolean };
    };
    expect(probe(readFileSync(path.join(ROOT, 'notices/praxisportal.yaml'), 'utf8'))).toEqual({ ok: true, composer: false });
    expect(probe('id: x\nid: y\n')).toEqual({ ok: false, composer: true });
  });
});
