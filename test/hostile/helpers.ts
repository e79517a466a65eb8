/**
 * Shared helpers for the hostile-input tests: the corpus of test/fixtures/hostile/, running the CLI
 * with a fake io, and checks that an output is inert (no script, no handler, no unsafe or remote
 * URL) judged from its structure, not from its wording.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Nodes } from 'mdast';
import { parse } from 'parse5';
import { run } from '../../src/cli/index.js';
import { parseMarkdown } from '../../src/notice/markdown.js';
import { fakeIO } from '../cli/fake-io.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const REFERENCE = path.join(ROOT, 'notices/kaspersky-technical-support.yaml');
export const CORPUS = path.join(ROOT, 'test/fixtures/hostile');
const VALIDATE_FIXTURES = path.join(ROOT, 'test/fixtures/validate/invalid');

/** Environment for CLI runs: Chromium on PATH, no terminal, no colour, no debug. */
export const ENV = { PATH: process.env.PATH, CI: 'true' };

/** A diagnostic a case expects (1-based line and column). */
export interface ExpectedDiagnostic {
  code: string;
  line: number;
  column: number;
  /** Default `error`. */
  severity?: string;
  /** For template diagnostics: the template file, relative to the case's templates folder. */
  file?: string;
}

/** One piece of generated input: text, text repeated, numbered lines (`{i}`), or raw bytes in hex. */
export type Part = string | { repeat: string; times: number } | { numbered: string; times: number } | { hex: string };

/** `test/fixtures/hostile/<case>/case.json`. */
export interface HostileCase {
  name: string;
  /** The class of hostile input (see SECURITY.md). */
  class: string;
  description: string;
  /**
   * Where the notice comes from: a validate fixture by name, or a file built from `base` (a path
   * in the repository) with replacements (each `from` must occur exactly once), CRLF line ends,
   * and parts before and after. Absent: `notice.yaml` in the case folder, else the reference notice.
   */
  input?: { fixture?: string; base?: string; replace?: [string, Part | Part[]][]; crlf?: boolean; prepend?: Part | Part[]; append?: Part | Part[] };
  /** A templates folder inside the case folder, passed to build as `--templates`. */
  templates?: string;
  expect: {
    /** Must be among what `validate --format json` reports (default for a fixture: its .json). */
    diagnostics?: ExpectedDiagnostic[];
    /** Must be reported by a failing build. */
    templateDiagnostics?: ExpectedDiagnostic[];
    exit: { validate: number; build: Record<'md' | 'html' | 'pdf', number>; diff: number; lint: number };
    /** Text the diff against the reference must print (an invisible character made visible). */
    diffShows?: string[];
    /** Regular expressions that must not match the written output of that format. */
    absent?: Partial<Record<'md' | 'html' | 'pdf', string[]>>;
  };
}

/** Every case of the corpus, sorted by name. */
export function loadCorpus(): HostileCase[] {
  return readdirSync(CORPUS)
    .filter((name) => existsSync(path.join(CORPUS, name, 'case.json')))
    .sort()
    .map((name) => ({ name, ...(JSON.parse(readFileSync(path.join(CORPUS, name, 'case.json'), 'utf8')) as Omit<HostileCase, 'name'>) }));
}

function bytesOf(parts: Part | Part[] | undefined): Buffer {
  if (parts === undefined) return Buffer.alloc(0);
  const list = Array.isArray(parts) ? parts : [parts];
  return Buffer.concat(
    list.map((p) => {
      if (typeof p === 'string') return Buffer.from(p, 'utf8');
      if ('hex' in p) return Buffer.from(p.hex, 'hex');
      if ('repeat' in p) return Buffer.from(p.repeat.repeat(p.times), 'utf8');
      return Buffer.from(Array.from({ length: p.times }, (_, i) => p.numbered.replaceAll('{i}', String(i))).join(''), 'utf8');
    }),
  );
}

/**
 * The notice file of a case, writing generated input into `scratch` first.
 * @returns the path of the notice and, for a fixture, the diagnostics its .json expects
 */
export function materialize(c: HostileCase, scratch: string): { file: string; fixtureDiagnostics?: ExpectedDiagnostic[] } {
  const input = c.input;
  if (input?.fixture) {
    const expected = JSON.parse(readFileSync(path.join(VALIDATE_FIXTURES, `${input.fixture}.json`), 'utf8')) as ExpectedDiagnostic[];
    const committed = path.join(VALIDATE_FIXTURES, `${input.fixture}.yaml`);
    if (existsSync(committed)) return { file: committed, fixtureDiagnostics: expected };
    const gen = JSON.parse(readFileSync(path.join(VALIDATE_FIXTURES, `${input.fixture}.gen.json`), 'utf8')) as { base: string; append: string; times: number };
    const file = path.join(scratch, `${c.name}.yaml`);
    writeFileSync(file, readFileSync(path.join(ROOT, gen.base), 'utf8') + gen.append.repeat(gen.times));
    return { file, fixtureDiagnostics: expected };
  }
  if (input) {
    let bytes = input.base ? readFileSync(path.join(ROOT, input.base)) : Buffer.alloc(0);
    for (const [from, to] of input.replace ?? []) {
      const needle = Buffer.from(from, 'utf8');
      const at = bytes.indexOf(needle);
      if (at < 0 || bytes.indexOf(needle, at + 1) >= 0) throw new Error(`${c.name}: '${from.slice(0, 40)}' must occur exactly once in ${input.base}`);
      bytes = Buffer.concat([bytes.subarray(0, at), bytesOf(to), bytes.subarray(at + needle.length)]);
    }
    if (input.crlf) bytes = Buffer.from(bytes.toString('latin1').replace(/\n/g, '\r\n'), 'latin1');
    bytes = Buffer.concat([bytesOf(input.prepend), bytes, bytesOf(input.append)]);
    mkdirSync(scratch, { recursive: true });
    const file = path.join(scratch, `${c.name}.yaml`);
    writeFileSync(file, bytes);
    return { file };
  }
  const own = path.join(CORPUS, c.name, 'notice.yaml');
  return { file: existsSync(own) ? own : REFERENCE };
}

/** Run the CLI in-process with a fake io; returns the exit code, output and time taken. */
export async function cli(argv: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const fake = fakeIO(cwd, ENV);
  const started = performance.now();
  const code = await run(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr(), ms: performance.now() - started };
}


export { tree } from '../helpers/files.js';

/** Entries beside `out` whose names start with `out.` (staging or old folders left behind). */
export function leftovers(out: string): string[] {
  return readdirSync(path.dirname(out)).filter((n) => n.startsWith(`${path.basename(out)}.`));
}

/** True for a URL the outputs may link to: http(s), mailto, tel, an in-page #fragment, or a relative path. */
export function isInertUrl(url: string): boolean {
  // Browsers skip controls and whitespace inside a scheme; so does this check.
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  if (/^(https?:|mailto:|tel:|#)/i.test(cleaned)) return true;
  return !/^[^/?#]*:/.test(cleaned) && !cleaned.startsWith('//');
}

const FORBIDDEN_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'img', 'image', 'link', 'base', 'form', 'input', 'button', 'video', 'audio', 'source', 'track', 'portal', 'use', 'feimage', 'applet']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'background', 'ping', 'cite']);

/** Why CSS is not inert: remote or local resources, imports, script. */
function cssProblems(css: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(/url\(\s*(["']?)([^"')]*)/gi)) if (!/^data:/i.test(m[2]!.trim())) out.push(`CSS url(${m[2]})`);
  if (/@import/i.test(css)) out.push('CSS @import');
  if (/expression\s*\(|javascript:/i.test(css)) out.push('script in CSS');
  return out;
}

interface P5Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: P5Node[];
  content?: P5Node;
  value?: string;
}

/**
 * Why an HTML document is not inert: elements that run script or load resources, event-handler
 * attributes, URLs other than http(s)/mailto/tel/#/relative, CSS that loads anything.
 */
export function htmlProblems(html: string): string[] {
  const out: string[] = [];
  const visit = (node: P5Node, inStyle: boolean) => {
    if (node.nodeName === '#text' && inStyle) out.push(...cssProblems(node.value ?? ''));
    const tag = node.tagName?.toLowerCase();
    if (tag) {
      if (FORBIDDEN_ELEMENTS.has(tag)) out.push(`<${tag}>`);
      for (const { name, value } of node.attrs ?? []) {
        const attr = name.toLowerCase();
        if (attr.startsWith('on')) out.push(`${attr}= on <${tag}>`);
        if (URL_ATTRIBUTES.has(attr) && !isInertUrl(value)) out.push(`${attr}="${value.slice(0, 60)}" on <${tag}>`);
        if (attr === 'style') out.push(...cssProblems(value));
        if (tag === 'meta' && attr === 'http-equiv' && /refresh/i.test(value)) out.push('<meta http-equiv=refresh>');
      }
    }
    for (const child of node.childNodes ?? []) visit(child, tag === 'style');
    if (node.content) visit(node.content, false);
  };
  visit(parse(html) as unknown as P5Node, false);
  return out;
}

/** Why a Markdown document is not inert: raw HTML, images, links other than http(s)/mailto/tel/#/relative. */
export function markdownProblems(markdown: string): string[] {
  const out: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'html') out.push(`raw HTML ${node.value.slice(0, 60)}`);
    if (node.type === 'image' || node.type === 'imageReference') out.push('image');
    if ((node.type === 'link' || node.type === 'definition') && !isInertUrl(node.url)) out.push(`link ${node.url.slice(0, 60)}`);
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(parseMarkdown(markdown));
  return out;
}

/** Why a PDF is not inert: script or launch actions, embedded files, links other than http(s)/mailto/tel. */
export function pdfProblems(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  for (const key of ['/JavaScript', '/JS', '/Launch', '/SubmitForm', '/ImportData', '/EmbeddedFile', '/RichMedia']) if (new RegExp(`${key}\\b`).test(text)) out.push(key);
  for (const m of text.matchAll(/\/URI\s*\(((?:\\.|[^\\)])*)\)/g)) if (!/^(https?:|mailto:|tel:)/i.test(m[1]!)) out.push(`/URI (${m[1]!.slice(0, 60)})`);
  return out;
}

/** Own property names of Object.prototype, to check that nothing was added. */
export function prototypeKeys(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}
