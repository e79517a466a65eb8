#!/usr/bin/env node
// Refresh README.md's command-line reference from each command's --help (run after `tsc`).
// The test suite checks the README against the source, so a stale README fails CI.
import { readFileSync, writeFileSync } from 'node:fs';
import { COMMANDS } from '../dist/cli/commands/index.js';
import { withCliReference } from '../dist/cli/reference.js';

const file = new URL('../README.md', import.meta.url);
const next = await withCliReference(readFileSync(file, 'utf8'), COMMANDS);
if (next === undefined) {
  console.error('README.md lacks the cli:start/cli:end markers');
  process.exit(1);
}
writeFileSync(file, next);
