/**
 * The composite action (action.yml) and the example workflow: their YAML holds together, and the
 * action's run steps, executed for real in order with bash against a temporary git repository,
 * validate, lint to SARIF, build, and post one pull-request comment with the material change to a
 * fake GitHub API on 127.0.0.1, updated in place on the next push.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { readAction, runComposite, type CompositeRun } from './composite.js';
import { startFakeGithub, type FakeGithub } from './fake-github.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ACTION = readAction(path.join(ROOT, 'action.yml'));
const ACTION_TEXT = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
const WORKFLOW = YAML.parse(readFileSync(path.join(ROOT, '.github/workflows/noticekit.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { permissions?: Record<string, string>; steps: { uses?: string; with?: Record<string, unknown> }[] }>;
};
const REPO = 'acme/notices';
const TOKEN = 'ghs_testtoken0123456789abcdefghijklmnopq';
const MARKER = '<!-- noticekit-diff -->';
const PRAXIS = readFileSync(path.join(ROOT, 'notices/praxisportal.yaml'), 'utf8');

describe('action.yml and the workflow', () => {
  it('uses only declared inputs, and uses every input it declares', () => {
    const used = new Set([...ACTION_TEXT.matchAll(/\binputs\.([\w-]+)/g)].map((m) => m[1]!));
    expect([...used].filter((name) => !(name in ACTION.inputs))).toEqual([]);
    expect(Object.keys(ACTION.inputs).filter((name) => !used.has(name))).toEqual([]);
  });

  it('puts no expression inside a run script (inputs reach the shell through env, never as code)', () => {
    for (const step of ACTION.runs.steps) if (step.run) expect(step.run, step.name).not.toContain('${{');
  });

  it('the workflow asks for exactly the permissions the action needs, with full history', () => {
    const job = Object.values(WORKFLOW.jobs)[0]!;
    expect(job.permissions ?? WORKFLOW.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', 'security-events': 'write' });
    expect(Object.keys(WORKFLOW.on).sort()).toEqual(['pull_request', 'push']);
    const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['fetch-depth']).toBe(0);
    const self = job.steps.find((s) => s.uses === './');
    expect(self, 'the workflow runs this repository as the action').toBeDefined();
    expect(Object.keys(self!.with ?? {}).filter((k) => !(k in ACTION.inputs))).toEqual([]);
    expect(job.steps.indexOf(checkout!)).toBeLessThan(job.steps.indexOf(self!));
  });
});

describe('README', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = /^## GitHub Actions\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
  const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it('shows the workflow file as it is', () => {
    expect(blocks).toContain(readFileSync(path.join(ROOT, '.github/workflows/noticekit.yml'), 'utf8'));
  });

  it('shows every input of the action with its default', () => {
    const usage = YAML.parse(blocks[0] ?? '') as { uses: string; with: Record<string, string> }[];
    expect(usage[0]!.with).toEqual(Object.fromEntries(Object.entries(ACTION.inputs).map(([k, v]) => [k, v.default])));
  });
});

describe('running the action', () => {
  let scratch: string;
  let work: string;
  let fake: FakeGithub;
  let base: string;
  const runs: CompositeRun[] = [];
  const git = (...args: string[]) => execFileSync('git', args, { cwd: work, encoding: 'utf8' }).trim();
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
    writeFileSync(path.join(work, file), text);
  };

  /** Run the action in `work` as the runner would for this event. */
  async function act(event: 'pull_request' | 'push', n: number, inputs: Record<string, string> = {}): Promise<CompositeRun> {
    const temp = path.join(scratch, `runner-temp-${n}`);
    const steps = path.join(scratch, `steps-${n}`);
    mkdirSync(temp);
    mkdirSync(steps);
    const eventFile = path.join(scratch, `event-${n}.json`);
    const payload = event === 'pull_request' ? { pull_request: { number: 7, base: { sha: base, ref: 'main', repo: { full_name: REPO } }, head: { sha: git('rev-parse', 'HEAD'), ref: 'pr', repo: { full_name: REPO } } } } : { after: git('rev-parse', 'HEAD') };
    writeFileSync(eventFile, JSON.stringify(payload));
    const summary = path.join(scratch, `summary-${n}.md`);
    writeFileSync(summary, '');
    const run = await runComposite(ACTION, {
      inputs: { formats: 'html,md', ...inputs },
      github: { token: TOKEN, event_name: event, action_path: ROOT },
      runner: { temp },
      cwd: work,
      scratch: steps,
      env: {
        PATH: process.env.PATH!,
        HOME: scratch,
        GITHUB_ACTIONS: 'true',
        GITHUB_ACTION_PATH: ROOT,
        GITHUB_WORKSPACE: work,
        GITHUB_EVENT_NAME: event,
        GITHUB_EVENT_PATH: eventFile,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_API_URL: fake.url,
        GITHUB_SERVER_URL: 'https://github.example',
        GITHUB_REPOSITORY: REPO,
        GITHUB_RUN_ID: String(4200 + n),
        RUNNER_TEMP: temp,
      },
    });
    runs.push(run);
    return run;
  }
  const step = (run: CompositeRun, label: string) => {
    const found = run.steps.find((s) => s.label === label || s.step.uses?.startsWith(label));
    if (!found) throw new Error(`no step ${label}`);
    return found;
  };
  const bodies = () => (fake.comments.get(7) ?? []).filter((c) => c.body.startsWith(MARKER));

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-action-'));
    work = path.join(scratch, 'repo');
    mkdirSync(work);
    fake = await startFakeGithub({ repo: REPO, token: TOKEN, pageSize: 2 });
    // Three comments by people come first, so the action's own lies on a later page of the list.
    fake.comments.set(7, [1, 2, 3].map((id) => ({ id, body: `Looks good ${id}`, html_url: `https://github.example/c/${id}` })));

    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'ci@example.org');
    git('config', 'user.name', 'CI');
    write('notices/praxisportal.yaml', PRAXIS);
    write('notices/retired.yaml', PRAXIS.replace(/^id: praxisportal$/m, 'id: retired'));
    write('.gitignore', 'public/\n');
    git('add', '.');
    git('commit', '-qm', 'base');
    const forkPoint = git('rev-parse', 'HEAD');
    // main moves on after the branch: the comment must show only the pull request's own changes.
    write('notices/praxisportal.yaml', PRAXIS.replace('period: P8Y', 'period: P9Y'));
    git('commit', '-qam', 'main: billing records kept 9 years');
    base = git('rev-parse', 'HEAD');
    git('checkout', '-q', '-b', 'pr', forkPoint);
    write('notices/praxisportal.yaml', PRAXIS.replace('period: P10Y', 'period: P30Y'));
    write('notices/added.yaml', PRAXIS.replace(/^id: praxisportal$/m, 'id: added'));
    git('rm', '-q', 'notices/retired.yaml');
    git('add', '.');
    git('commit', '-qm', 'pr: medical records kept 30 years, one notice added, one retired');
  }, 60_000);
  afterAll(async () => {
    await fake?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('on a pull request: validate, SARIF, build, and one comment with the material change', async () => {
    const run = await act('pull_request', 1);
    for (const s of run.steps) expect({ step: s.label, exit: s.exitCode ?? 0, stderr: s.exitCode ? s.stderr : '' }).toEqual({ step: s.label, exit: 0, stderr: '' });
    expect(run.failed).toBe(false);
    // Every step ran but the last, which fails the job on lint errors (there are none).
    expect(run.steps.filter((s) => !s.ran).map((s) => s.label)).toEqual(['Lint result']);
    expect(run.unsetOutputs).toEqual([]);

    // The install step used this checkout's build.
    expect(step(run, 'Install noticekit').stdout).toContain('already built');
    // upload-sarif is given the SARIF file lint wrote.
    const sarifFile = step(run, 'github/codeql-action/upload-sarif').with!.sarif_file!;
    expect(sarifFile).toBe(run.outputs['sarif-file']);
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as { version: string; $schema: string; runs: { tool: { driver: { name: string } } }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.tool.driver.name).toBe('noticekit');
    // The build wrote the site.
    expect(run.outputs.out).toBe('public');
    expect(existsSync(path.join(work, 'public/manifest.json'))).toBe(true);
    expect(existsSync(path.join(work, 'public/praxisportal/latest/en.html'))).toBe(true);
    // upload-artifact is given the full diff.
    const artifact = step(run, 'actions/upload-artifact');
    expect(artifact.with).toEqual({ name: 'noticekit-diff', path: run.outputs['diff-file'] });
    const full = readFileSync(run.outputs['diff-file']!, 'utf8');
    expect(run.outputs['changed-notices']).toBe('3');
    expect(run.outputs['material-changes']).toBe('1');

    const posted = fake.requests.filter((r) => r.method === 'POST');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.authorization).toBe(`Bearer ${TOKEN}`);
    expect(bodies()).toHaveLength(1);
    const body = bodies()[0]!.body;
    expect(body).toMatch(/retention-extended.*P10Y to P30Y/);
    expect(body).toContain('New notice: `notices/added.yaml`');
    expect(body).toContain('Removed notice: `notices/retired.yaml`');
    // Compared with the fork point, not main's tip: main's own change is not the pull request's.
    expect(body).not.toContain('billing-records');
    expect(body).toBe(`${MARKER}\n${full}`);
    // The notice with the material change comes first.
    expect(body.indexOf('notices/praxisportal.yaml')).toBeLessThan(body.indexOf('notices/added.yaml'));
    expect(readFileSync(path.join(scratch, 'summary-1.md'), 'utf8')).toContain(full.trim());
  }, 120_000);

  it('on the next push: the same comment is updated (found on page 2 of the list), and lint errors fail the job after the upload', async () => {
    write('notices/praxisportal.yaml', PRAXIS.replace('period: P10Y', 'period: P30Y').replace('    - id: restriction\n      right: restriction\n', ''));
    git('commit', '-qam', 'pr: no right to restriction');
    const before = fake.requests.length;
    const run = await act('pull_request', 2);

    const mine = fake.requests.slice(before);
    expect(mine.filter((r) => r.method === 'GET').length).toBeGreaterThanOrEqual(2);
    expect(mine.filter((r) => r.method === 'POST')).toEqual([]);
    expect(mine.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(bodies()).toHaveLength(1);
    expect(fake.comments.get(7)).toHaveLength(4);
    expect(bodies()[0]!.body).toMatch(/restriction/);

    // Lint found errors: the SARIF was still uploaded and the comment posted, then the last step failed.
    expect(step(run, 'Lint').exitCode).toBe(0);
    expect(step(run, 'github/codeql-action/upload-sarif').ran).toBe(true);
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toContain('rights-listed');
    expect(step(run, 'Lint result').exitCode).toBe(1);
    expect(step(run, 'Lint result').stdout).toMatch(/^::error /);
    expect(run.failed).toBe(true);
  }, 120_000);

  it('on a push, with sarif off: lint findings as annotations, no upload, no diff, no artifact, no API call', async () => {
    git('checkout', '-q', 'main');
    const before = fake.requests.length;
    const run = await act('push', 3, { sarif: 'false' });
    expect(run.failed).toBe(false);
    const skipped = run.steps.filter((s) => !s.ran).map((s) => s.label);
    expect(skipped).toEqual(['github/codeql-action/upload-sarif@v4', 'Diff against the pull request\'s base', 'actions/upload-artifact@v4', 'Comment on the pull request', 'Lint result']);
    expect(step(run, 'Lint').stdout).toMatch(/^::notice file=notices\/praxisportal\.yaml,line=\d+,col=\d+,.*title=noticekit translation-unreviewed::/m);
    expect(run.outputs['sarif-file']).toBe('');
    expect(fake.requests.length).toBe(before);
  }, 120_000);

  it('every run step with a noticekit command ran, and none was a usage error', () => {
    for (const s of ACTION.runs.steps.filter((x) => x.run?.includes('bin.js') || x.run?.includes('scripts/action/'))) {
      const results = runs.flatMap((r) => r.steps.filter((x) => x.step === s && x.ran));
      expect(results.length, s.name).toBeGreaterThan(0);
      for (const r of results) expect(r.exitCode, `${s.name}: ${r.stderr}`).not.toBe(2);
    }
  });
});
