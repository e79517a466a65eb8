#!/usr/bin/env node
/**
 * The action's diff step (action.yml, on pull_request): every notice file the pull request changes,
 * compared with its version where the pull request branched off (`noticekit diff FILE --from REV
 * --format md`), written to DIFF_DIR/noticekit-diff.md in full and to DIFF_DIR/comment.md cut to
 * fit a comment; the full diff also goes to the job summary when it fits there.
 *
 * Environment: NOTICES (the action's `notices` input: files, folders, globs, separated by
 * whitespace), DIFF_DIR, DIFF_ARTIFACT (the artifact name the action uploads DIFF_DIR under), and
 * the runner's GITHUB_EVENT_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_SERVER_URL,
 * GITHUB_REPOSITORY, GITHUB_RUN_ID. Outputs: file, comment-file, changed, material-changes.
 * Exit 0 when the diff was written (whatever it found), 1 when it could not be made.
 */
import { execFile } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { isDynamicPattern } from 'tinyglobby';
import { expandNoticeFiles } from '../../dist/cli/files.js';
import { buildCommentBody, joinSections } from './comment-body.mjs';

const run = promisify(execFile);
const BIN = new URL('../../dist/cli/bin.js', import.meta.url).pathname;
/** GitHub's limit for one step's job summary is 1 MiB; keep clear of it. */
const SUMMARY_LIMIT = 1_000_000;

class Trouble extends Error {}

const env = process.env;
try {
  await main();
} catch (error) {
  if (!(error instanceof Trouble)) throw error;
  process.stderr.write(`::error title=noticekit diff::${error.message}\n`);
  process.exitCode = 1;
}

async function main() {
  const cwd = process.cwd();
  const event = JSON.parse(readFileSync(need('GITHUB_EVENT_PATH'), 'utf8'));
  const pr = event.pull_request;
  if (!pr?.base?.sha) throw new Trouble('This step needs a pull_request event (GITHUB_EVENT_PATH has no pull_request.base.sha).');
  const git = async (...args) => (await run('git', args, { cwd, maxBuffer: 64 << 20 })).stdout;
  try {
    await git('cat-file', '-e', `${pr.base.sha}^{commit}`);
  } catch {
    throw new Trouble(`The base commit ${pr.base.sha} is not in the checkout; check out with actions/checkout and 'fetch-depth: 0'.`);
  }
  const from = (await git('merge-base', pr.base.sha, 'HEAD')).trim();
  const head = (await git('rev-parse', 'HEAD')).trim();

  const given = (env.NOTICES ?? '').split(/\s+/).filter(Boolean);
  // No operand means notices/, as for the CLI.
  const operands = given.length > 0 ? given : ['notices'];
  let notices;
  try {
    notices = new Set((await expandNoticeFiles(operands, cwd)).map((f) => posix(path.relative(cwd, path.resolve(cwd, f)))));
  } catch (error) {
    throw new Trouble(`Cannot list the notices '${operands.join(' ')}': ${error.message}`);
  }
  const roots = operands.map((o) => staticRoot(o, cwd));
  const changes = parseNameStatus(await git('diff', '--name-status', '-z', '--no-renames', '--relative', from, '--'));
  const picked = changes.filter(({ status, file }) => (status === 'D' ? /\.ya?ml$/i.test(file) && roots.some((r) => inside(file, r)) : notices.has(file)));

  const sections = [];
  let material = 0;
  for (const { status, file } of picked) {
    const section = await compare(status, file, from);
    material += section.material;
    sections.push(section);
  }
  // Notices with material changes first, then those with changes to review: a cut comment loses the least.
  sections.sort((a, b) => b.material - a.material || b.review - a.review || (a.file < b.file ? -1 : 1));

  const dir = path.resolve(need('DIFF_DIR'));
  mkdirSync(dir, { recursive: true });
  const intro = introduction(sections.length, material, from, head, pr.base.ref);
  const full = joinSections(intro, sections);
  const fullFile = path.join(dir, 'noticekit-diff.md');
  writeFileSync(fullFile, full);

  const summaryFits = full.length <= SUMMARY_LIMIT;
  if (env.GITHUB_STEP_SUMMARY) {
    appendFileSync(env.GITHUB_STEP_SUMMARY, summaryFits ? `${full}\n` : `${intro}\n\nThe diff is too long for the job summary; it is in the artifact \`${artifact()}\`.\n\n`);
  }
  const url = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : 'this workflow run';
  const fullDiffAt = `${summaryFits ? 'the job summary and ' : ''}the artifact \`${artifact()}\` of ${url}`;
  const { body } = buildCommentBody({ intro, sections, fullDiffAt });
  const commentFile = path.join(dir, 'comment.md');
  writeFileSync(commentFile, body);

  output({ file: fullFile, 'comment-file': commentFile, changed: String(sections.length), 'material-changes': String(material) });
  process.stderr.write(`noticekit diff: ${sections.length} changed ${sections.length === 1 ? 'notice' : 'notices'}, ${material} material ${material === 1 ? 'change' : 'changes'} (against ${from.slice(0, 7)}).\n`);
}

/** One changed notice: its Markdown section and its counts of material changes and changes to review. */
async function compare(status, file, from) {
  const name = `\`${file.replace(/`/g, "'")}\``;
  if (status === 'A') return { file, material: 0, review: 0, markdown: `## New notice: ${name}\n\nThis pull request adds it; there is no earlier version to compare with.\n` };
  if (status === 'D') return { file, material: 0, review: 0, markdown: `## Removed notice: ${name}\n\nThis pull request deletes it.\n` };
  const childEnv = { ...env };
  delete childEnv.GITHUB_STEP_SUMMARY; // the step writes the whole diff there itself
  const diff = async (format) => {
    try {
      return { ok: true, stdout: (await run(process.execPath, [BIN, 'diff', file, '--from', from, '--format', format], { env: childEnv, maxBuffer: 256 << 20 })).stdout };
    } catch (error) {
      // Exit 1 means "differences found", the expected answer here.
      if (error.code === 1) return { ok: true, stdout: error.stdout };
      return { ok: false, stderr: String(error.stderr ?? error.message) };
    }
  };
  const md = await diff('md');
  if (!md.ok) {
    const why = md.stderr.trim().split('\n').filter(Boolean).pop() ?? 'noticekit diff failed';
    return { file, material: 0, review: 0, markdown: `## Cannot compare ${name}\n\n${why.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))}\n` };
  }
  const json = await diff('json');
  const summary = json.ok ? JSON.parse(json.stdout).summary : undefined;
  return { file, material: Number(summary?.material ?? 0), review: Number(summary?.review ?? 0), markdown: md.stdout };
}

/** The first paragraph: what was compared with what. */
function introduction(changed, material, from, head, baseRef) {
  const base = baseRef ? ` (where this pull request branches from \`${String(baseRef).replace(/`/g, "'")}\`)` : '';
  if (changed === 0) return `**noticekit**: no notice file changed between \`${from.slice(0, 7)}\`${base} and \`${head.slice(0, 7)}\`.`;
  return `**noticekit**: ${changed} changed ${changed === 1 ? 'notice' : 'notices'} between \`${from.slice(0, 7)}\`${base} and \`${head.slice(0, 7)}\`, with ${material} material ${material === 1 ? 'change' : 'changes'} in all.`;
}

/** `git diff --name-status -z` output: status letter and path, alternating, NUL-separated. */
function parseNameStatus(text) {
  const parts = text.split('\0');
  const out = [];
  for (let i = 0; i + 1 < parts.length; i += 2) out.push({ status: parts[i][0], file: posix(parts[i + 1]) });
  return out;
}

/**
 * The folder or file an operand names, relative to `cwd`; for a glob, its part before the first
 * dynamic segment. A deleted notice counts when it lies there (it can no longer be expanded).
 */
function staticRoot(operand, cwd) {
  const segments = posix(operand).split('/');
  const fixed = [];
  for (const s of segments) {
    if (isDynamicPattern(operand) && isDynamicPattern(s)) break;
    fixed.push(s);
  }
  return posix(path.relative(cwd, path.resolve(cwd, fixed.join('/') || '.'))) || '.';
}

function inside(file, root) {
  return root === '.' || file === root || file.startsWith(`${root.replace(/\/$/, '')}/`);
}

function posix(p) {
  return p.split(path.sep).join('/');
}

function artifact() {
  return env.DIFF_ARTIFACT || 'noticekit-diff';
}

function need(name) {
  const value = env[name];
  if (!value) throw new Trouble(`${name} is not set; this script runs as a step of the noticekit action.`);
  return value;
}

/** Append step outputs (name=value; values here never hold a newline). */
function output(values) {
  if (!env.GITHUB_OUTPUT) return;
  appendFileSync(env.GITHUB_OUTPUT, Object.entries(values).map(([k, v]) => `${k}=${v}\n`).join(''));
}
