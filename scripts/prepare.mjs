#!/usr/bin/env node
// The `prepare` script: compile dist/ (`npm run build`) in a git checkout, which has no dist/ of
// its own. npm runs `prepare` after `npm ci` / `npm install` in this folder, and when noticekit is
// installed as a git dependency; never when it is installed from the registry or from a tarball
// (those ship dist/, built by `prepack`). `npm pack` and `npm publish` run `prepack` and then
// `prepare`: `prepack` has just built dist/, so building again would only cost another tsc run.
import { spawnSync } from 'node:child_process';

const command = process.env.npm_command;
if (command === 'pack' || command === 'publish') {
  console.log(`noticekit: dist/ was built by prepack; prepare has nothing to do under npm ${command}`);
} else {
  // The npm that runs this script, else the one on PATH (`node scripts/prepare.mjs` by hand).
  const npm = process.env.npm_execpath;
  const run = npm
    ? spawnSync(process.execPath, [npm, 'run', 'build'], { stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (run.error) throw run.error;
  process.exitCode = run.status ?? 1;
}
