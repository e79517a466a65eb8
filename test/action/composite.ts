/**
 * Run a composite action's steps the way the runner does, for tests: `${{ }}` expressions in
 * `if:`, `env:` and `with:` evaluated (the small part of GitHub's expression language action.yml
 * uses; anything else throws), `run:` steps executed with `bash --noprofile --norc -eo pipefail`,
 * step outputs read from $GITHUB_OUTPUT; `uses:` steps are not run, only recorded with their inputs.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

/** The parts of action.yml this runner reads. */
export interface ActionFile {
  inputs: Record<string, { default?: string; description?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}
export interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

/** What became of one step. */
export interface StepResult {
  label: string;
  step: Step;
  ran: boolean;
  /** `with:` evaluated (uses steps). */
  with?: Record<string, string>;
  exitCode?: number;
  stdout?: string;
  stderr?: string;
  outputs: Record<string, string>;
}

/** The result of a run: each step, the action's outputs, whether it failed. */
export interface CompositeRun {
  steps: StepResult[];
  outputs: Record<string, string>;
  failed: boolean;
  /** `steps.<id>.outputs.<name>` read while unset (GitHub gives ''). */
  unsetOutputs: string[];
}

/** Parse action.yml. */
export function readAction(file: string): ActionFile {
  return YAML.parse(readFileSync(file, 'utf8')) as ActionFile;
}

/**
 * Run every step in order.
 * @param options `inputs` as a workflow's `with:`; `github` context values (event_name, token,
 *   action_path, ...); `env` for every run step (the runner's GITHUB_* variables); `cwd` the
 *   workspace; `scratch` a folder for the per-step output files
 */
export async function runComposite(action: ActionFile, options: { inputs: Record<string, string>; github: Record<string, string>; runner: Record<string, string>; env: Record<string, string>; cwd: string; scratch: string }): Promise<CompositeRun> {
  const results: StepResult[] = [];
  const byId = new Map<string, StepResult>();
  const unsetOutputs: string[] = [];
  let failed = false;
  const inputs: Record<string, string> = {};
  const context = (): Context => ({ inputs, github: options.github, runner: options.runner, steps: byId, failed, unsetOutputs });
  for (const [name, spec] of Object.entries(action.inputs)) inputs[name] = options.inputs[name] ?? interpolate(spec.default ?? '', context());
  for (const name of Object.keys(options.inputs)) if (!(name in action.inputs)) throw new Error(`input '${name}' is not declared in action.yml`);

  for (const [i, step] of action.runs.steps.entries()) {
    const label = step.name ?? step.uses ?? step.id ?? `step ${i + 1}`;
    const result: StepResult = { label, step, ran: false, outputs: {} };
    results.push(result);
    if (step.id) byId.set(step.id, result);
    const condition = step.if ?? 'success()';
    const run = /\b(always|failure|cancelled|success)\(\)/.test(condition) ? evaluate(condition, context()) : !failed && evaluate(condition, context());
    if (!truthy(run)) continue;
    result.ran = true;
    if (step.uses) {
      result.with = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolate(String(v), context())]));
      continue;
    }
    if (step.shell !== 'bash') throw new Error(`${label}: shell must be bash (a composite run step has to name one)`);
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, interpolate(String(v), context())]));
    const script = path.join(options.scratch, `step-${i}.sh`);
    const outputFile = path.join(options.scratch, `step-${i}.output`);
    writeFileSync(script, step.run ?? '');
    writeFileSync(outputFile, '');
    const r = await bash(script, options.cwd, { ...options.env, ...stepEnv, GITHUB_OUTPUT: outputFile });
    Object.assign(result, r, { outputs: parseOutputs(readFileSync(outputFile, 'utf8')) });
    if (r.exitCode !== 0) failed = true;
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, interpolate(v.value, context())]));
  return { steps: results, outputs, failed, unsetOutputs };
}

function bash(script: string, cwd: string, env: Record<string, string>): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, stdout, stderr }));
  });
}

/** `name=value` lines and `name<<DELIMITER` blocks, as the runner reads $GITHUB_OUTPUT. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      if (end < 0) throw new Error(`GITHUB_OUTPUT: ${heredoc[1]} has no closing ${heredoc[2]}`);
      out[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    else if (line !== '') throw new Error(`GITHUB_OUTPUT: cannot read the line '${line}'`);
  }
  return out;
}

interface Context {
  inputs: Record<string, string>;
  github: Record<string, string>;
  runner: Record<string, string>;
  steps: Map<string, StepResult>;
  failed: boolean;
  unsetOutputs: string[];
}
type Value = string | boolean | null;

/** Replace every `${{ expr }}` in a string. */
export function interpolate(text: string, context: Context): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, expr: string) => {
    const v = evaluate(expr, context);
    return v === null ? '' : String(v);
  });
}

/** GitHub's truthiness: '' , false and null are false (the string 'false' is true). */
function truthy(v: Value): boolean {
  return v !== '' && v !== false && v !== null;
}

/** Evaluate an expression (with or without `${{ }}`): paths, strings, ==, !=, !, &&, ||, status functions. */
export function evaluate(source: string, context: Context): Value {
  const text = source.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const tokens = text.match(/'(?:[^']|'')*'|==|!=|&&|\|\||[!()]|[A-Za-z_][\w.-]*(?:\(\))?|\S/g) ?? [];
  let pos = 0;
  const peek = () => tokens[pos];
  const take = () => tokens[pos++]!;
  const or = (): Value => {
    let v = and();
    while (peek() === '||') {
      take();
      const r = and();
      v = truthy(v) ? v : r;
    }
    return v;
  };
  const and = (): Value => {
    let v = unary();
    while (peek() === '&&') {
      take();
      const r = unary();
      v = truthy(v) ? r : v;
    }
    return v;
  };
  const unary = (): Value => (peek() === '!' ? (take(), !truthy(unary())) : compare());
  const compare = (): Value => {
    const left = primary();
    if (peek() !== '==' && peek() !== '!=') return left;
    const op = take();
    const right = primary();
    // GitHub compares strings ignoring case.
    const same = String(left ?? '').toLowerCase() === String(right ?? '').toLowerCase();
    return op === '==' ? same : !same;
  };
  const primary = (): Value => {
    const t = take();
    if (t === undefined) throw new Error(`expression ends early: ${text}`);
    if (t === '(') {
      const v = or();
      if (take() !== ')') throw new Error(`missing ) in: ${text}`);
      return v;
    }
    if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
    if (t === 'true' || t === 'false') return t === 'true';
    if (t === 'always()') return true;
    if (t === 'success()') return !context.failed;
    if (t === 'failure()') return context.failed;
    if (t === 'cancelled()') return false;
    if (/^[A-Za-z_]/.test(t) && !t.endsWith('()')) return lookup(t, context);
    throw new Error(`unsupported token '${t}' in: ${text}`);
  };
  const value = or();
  if (pos !== tokens.length) throw new Error(`cannot read '${tokens.slice(pos).join(' ')}' in: ${text}`);
  return value;
}

function lookup(ref: string, context: Context): Value {
  const [root, ...rest] = ref.split('.');
  if (root === 'inputs') {
    if (rest.length !== 1 || !(rest[0]! in context.inputs)) throw new Error(`'${ref}' is not a declared input`);
    return context.inputs[rest[0]!]!;
  }
  if (root === 'github' || root === 'runner') {
    const values = root === 'github' ? context.github : context.runner;
    if (rest.length !== 1 || !(rest[0]! in values)) throw new Error(`'${ref}': the test gives no such ${root} value`);
    return values[rest[0]!]!;
  }
  if (root === 'steps') {
    const [id, field, name] = rest;
    const step = context.steps.get(id ?? '');
    if (!step) throw new Error(`'${ref}': no earlier step has the id '${id}'`);
    if (field === 'outcome') return step.ran ? (step.exitCode === 0 || step.step.uses ? 'success' : 'failure') : 'skipped';
    if (field !== 'outputs' || rest.length !== 3) throw new Error(`'${ref}' is not steps.<id>.outputs.<name>`);
    if (!(name! in step.outputs)) {
      context.unsetOutputs.push(ref);
      return '';
    }
    return step.outputs[name!]!;
  }
  throw new Error(`'${ref}': unknown context ${root}`);
}
