#!/usr/bin/env node
// Kill `noticekit build` with SIGKILL at random moments, N times in a row (default 50), and check
// after each kill that the output is the previous one byte for byte or a new one whole (its
// manifest lists exactly the files there, each with its hash), never a mix; and that the next
// build leaves no staging or parked folder behind.
//   node scripts/kill-builds.mjs [--runs 50] [--formats md,html,pdf]
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '50' }, formats: { type: 'string', default: 'md,html,pdf' } } });
const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'dist/cli/bin.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'noticekit-kill-'));
mkdirSync(path.join(dir, 'notices'));
for (const f of readdirSync(path.join(ROOT, 'notices'))) cpSync(path.join(ROOT, 'notices', f), path.join(dir, 'notices', f));
const args = [BIN, 'build', 'notices', '--out', 'public', '--formats', values.formats, '--no-cache'];
const env = { ...process.env, CI: 'true' };

function tree(root) {
  const out = new Map();
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(path.relative(root, full), readFileSync(full));
    }
  };
  if (existsSync(root)) walk(root);
  return out;
}
const same = (a, b) => a.size === b.size && [...a].every(([k, v]) => b.get(k)?.equals(v));
function whole(t) {
  if (!t.has('manifest.json')) return false;
  const m = JSON.parse(t.get('manifest.json').toString());
  const listed = new Set(m.files.map((f) => f.path));
  return m.generator === 'noticekit' && listed.size === t.size - 1 && m.files.every((f) => t.has(f.path) && createHash('sha256').update(t.get(f.path)).digest('hex') === f.sha256);
}
const leftovers = () => readdirSync(dir).filter((n) => n.startsWith('public.'));

// A first whole build, and how long one takes.
let start = Date.now();
if (spawnSync(process.execPath, args, { cwd: dir, env }).status !== 0) throw new Error('the first build failed');
let duration = Date.now() - start;
let previous = tree(path.join(dir, 'public'));
const tally = { previous: 0, whole: 0, mixed: 0, missing: 0, leftBehindAfterNextBuild: 0 };
for (let i = 0; i < Number(values.runs); i++) {
  const child = spawn(process.execPath, args, { cwd: dir, env, stdio: 'ignore' });
  // Listen from the start: a build may end on its own before the kill.
  const exited = new Promise((resolve) => child.on('exit', resolve));
  // Anywhere from start-up to just past the end of a build as long as the last whole one took.
  const delay = Math.floor(Math.random() * duration * 1.15);
  await new Promise((resolve) => setTimeout(resolve, delay));
  child.kill('SIGKILL');
  await exited;
  // Chromium children of a killed build outlive it; they hold no output.
  const now = tree(path.join(dir, 'public'));
  if (now.size === 0) tally.missing++;
  else if (same(now, previous)) tally.previous++;
  else if (whole(now)) tally.whole++;
  else tally.mixed++;
  previous = now.size ? now : previous;
  // The next build (the next run's) clears what this one left; check it after the last too.
  const before = leftovers().length;
  if (i === Number(values.runs) - 1 || Math.random() < 0.3) {
    start = Date.now();
    const r = spawnSync(process.execPath, args, { cwd: dir, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`a build after a kill failed: ${r.stderr}`);
    duration = Date.now() - start;
    if (leftovers().length > 0) tally.leftBehindAfterNextBuild++;
    previous = tree(path.join(dir, 'public'));
  }
  process.stderr.write(`kill ${i + 1} after ${delay} ms: ${JSON.stringify(tally)} (left beside the output: ${before})\n`);
}
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ runs: Number(values.runs), buildMs: duration, ...tally }));
process.exitCode = tally.mixed + tally.missing + tally.leftBehindAfterNextBuild === 0 ? 0 : 1;
