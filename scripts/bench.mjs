#!/usr/bin/env node
// Benchmark validate, build (md+html, pdf), diff and an incremental rebuild on a generated corpus.
//
//   npm run bench                 1,000 notices (PDF step takes several minutes)
//   npm run bench -- --quick      40 notices, about a minute
//   npm run bench -- --count 200  any size
//
// Each step runs the real CLI in its own process; wall time is measured around the process,
// peak memory (sum of PSS) is sampled over the process and all its children (Chromium included),
// every 100 ms for the first 3 s and every second after that.
// Prints a table and writes bench/results.json.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = path.join(root, 'dist/cli/bin.js');
const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, count: { type: 'string' }, jobs: { type: 'string', default: '2' }, out: { type: 'string', default: path.join(root, 'bench/results.json') } } });
const count = Number(values.count ?? (values.quick ? 40 : 1000));
const work = mkdtempSync(path.join(os.tmpdir(), 'noticekit-bench-'));
const corpus = path.join(work, 'corpus');

/**
 * Memory of a process and its descendants, from /proc: the sum of each process's proportional set
 * size (PSS), so pages Chromium's processes share are counted once, not once per process.
 * Descendants come from /proc/PID/task/TID/children where the kernel has it (cheap: the sampler
 * shares the 2 cores with what it measures), else from a scan of every process's parent.
 */
function treeRss(pid) {
  let total = 0;
  const stack = [pid];
  let scanned;
  const childrenOf = (p) => {
    try {
      return readdirSync(`/proc/${p}/task`).flatMap((tid) => readFileSync(`/proc/${p}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
    } catch {
      scanned ??= scanParents();
      return scanned.get(p) ?? [];
    }
  };
  while (stack.length) {
    const p = stack.pop();
    try {
      const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'));
      total += Number(pss?.[1] ?? 0) * 1024;
    } catch {}
    stack.push(...childrenOf(p));
  }
  return total;
}

/** Children of every process, by a scan of /proc/N/stat. */
function scanParents() {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {}
  }
  return children;
}

/** Run a command; resolve with wall ms, peak tree RSS, exit code, stderr. */
function measure(args, options = {}) {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, CI: 'true', NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Reading Chromium's smaps_rollup is not free: sampled every 100 ms it took 40% of a core
    // from the PDF build it measured. Every 100 ms for the first 3 s (short steps), then every second.
    let peak = 0;
    let timer;
    const sample = () => {
      peak = Math.max(peak, treeRss(child.pid));
      timer = setTimeout(sample, performance.now() - start < 3000 ? 100 : 1000);
    };
    timer = setTimeout(sample, 50);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const ms = performance.now() - start;
      if (!options.allowFail && code !== 0 && !(options.okCodes ?? []).includes(code)) {
        console.error(`failed (${code}): noticekit ${args.join(' ')}\n${stderr}`);
        process.exit(1);
      }
      resolve({ ms, peak, code, stderr });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mib = (b) => `${(b / 1048576).toFixed(0)} MiB`;

console.error(`noticekit bench: ${count} notices in ${work}`);
execFileSync(process.execPath, [path.join(root, 'scripts/gen-corpus.mjs'), '--count', String(count), '--out', corpus], { stdio: 'inherit' });
const localeCount = readdirSync(corpus).reduce((n, f) => n + (/^locales: \[([^\]]*)\]/m.exec(readFileSync(path.join(corpus, f), 'utf8'))?.[1].split(',').length ?? 0), 0);

const rows = [];
const add = (step, r, units, unitName, target) => {
  rows.push({ step, wallMs: Math.round(r.ms), throughput: units ? Number((units / (r.ms / 1000)).toFixed(1)) : null, unit: unitName, peakRssMiB: Math.round(r.peak / 1048576), target });
};

const validate = await measure(['validate', corpus]);
add(`validate ${count} notices`, validate, count, 'notices/s', '<= 2 s for 1,000');

const cache = path.join(work, 'cache');
const mdHtml = await measure(['build', corpus, '--out', path.join(work, 'out-a'), '--formats', 'md,html', '--cache-dir', cache]);
add(`build md+html (${localeCount} notice-locales)`, mdHtml, localeCount, 'notice-locales/s', '>= 300 notice-locales/s');

const pdf = await measure(['build', corpus, '--out', path.join(work, 'out-b'), '--formats', 'pdf', '--jobs', values.jobs, '--cache-dir', cache]);
add(`build pdf (${localeCount} documents, --jobs ${values.jobs})`, pdf, localeCount, 'documents/s', '>= 8 documents/s; peak RSS <= 1.5 GiB');

const large = path.join(work, 'large');
execFileSync(process.execPath, [path.join(root, 'scripts/gen-large-notice.mjs'), '--clauses', '1000', '--out', large]);
const diffs = [];
for (let i = 0; i < 5; i++) diffs.push(await measure(['diff', path.join(large, 'a.yaml'), path.join(large, 'b.yaml'), '--format', 'json'], { okCodes: [1] }));
const diff = { ms: median(diffs.map((d) => d.ms)), peak: Math.max(...diffs.map((d) => d.peak)) };
add('diff two 1,000-clause versions (median of 5)', diff, null, '', '<= 0.5 s whole process');
let gitDiffMs = null;
{
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    try {
      execFileSync('git', ['diff', '--no-index', '--word-diff', path.join(large, 'a.yaml'), path.join(large, 'b.yaml')], { stdio: 'ignore' });
    } catch {}
    times.push(performance.now() - t);
  }
  gitDiffMs = Math.round(median(times));
}

// Incremental: change one notice, rebuild every format with the cache filled by the two builds above.
const victim = path.join(corpus, readdirSync(corpus).sort()[Math.floor(count / 2)]);
writeFileSync(victim, readFileSync(victim, 'utf8').replace(/^version: "?([^"\n]+)"?$/m, 'version: "$1-bench"'));
const incremental = await measure(['build', corpus, '--out', path.join(work, 'out-c'), '--jobs', values.jobs, '--cache-dir', cache]);
const full = mdHtml.ms + pdf.ms;
rows.push({ step: `rebuild after changing 1 of ${count} notices (all formats)`, wallMs: Math.round(incremental.ms), throughput: null, unit: `${((incremental.ms / full) * 100).toFixed(1)}% of the full build (${Math.round(full)} ms)`, peakRssMiB: Math.round(incremental.peak / 1048576), target: '<= 5% of the full build' });

const result = {
  date: new Date().toISOString().slice(0, 10),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  notices: count,
  noticeLocales: localeCount,
  steps: rows,
  gitWordDiffMs: gitDiffMs,
};
mkdirSync(path.dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);

const header = ['step', 'wall', 'throughput', 'peak memory (PSS)', 'target'];
const table = [header, ...rows.map((r) => [r.step, `${(r.wallMs / 1000).toFixed(2)} s`, r.throughput !== null ? `${r.throughput} ${r.unit}` : r.unit, `${r.peakRssMiB} MiB`, r.target])];
const widths = header.map((_, i) => Math.max(...table.map((row) => String(row[i]).length)));
for (const row of table) console.log(row.map((c, i) => String(c).padEnd(widths[i])).join('  '));
console.log(`git diff --no-index --word-diff on the same 1,000-clause files: ${gitDiffMs} ms (median of 5)`);
console.log(`results written to ${path.relative(process.cwd(), values.out)}`);
rmSync(work, { recursive: true, force: true });
