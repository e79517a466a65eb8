/**
 * README's quick start and CLI reference stay true.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { withCliReference } from '../../src/cli/reference.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('README', () => {
  it('has the current help of every command (run node scripts/gen-readme.mjs after tsc if this fails)', async () => {
    expect(await withCliReference(readme, COMMANDS)).toBe(readme);
  });

  it('has a quick start of exactly two commands, both npm scripts that exist, and .ci/run runs the test one', () => {
    const block = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = block.split('\n').map((l) => l.replace(/#.*$/, '').trim()).filter(Boolean);
    expect(commands).toEqual(['npm run setup', 'npm test']);
    expect(pkg.scripts.setup).toBeDefined();
    expect(pkg.scripts.test).toBeDefined();
    expect(readFileSync(path.join(ROOT, '.ci/run'), 'utf8')).toMatch(/npm test/);
  });
});
