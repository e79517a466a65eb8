/**
 * Handlebars template sets: the built-in `templates/` folder, optionally overlaid by an
 * organisation's own folder (`--templates DIR`), file by file. Templates are compiled once, in
 * strict mode, with a fixed set of helpers, and linted so they cannot print data unescaped.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { HelperOptions } from 'handlebars';
import { DEFAULT_TEMPLATES_DIR } from '../../model/phrases.js';
import { escapeHtml, markdownToHtml } from './markdown-to-html.js';
import { isSafeUrl } from '../../validate/check-markdown.js';

/** A problem in a template, positioned in the template file. */
export class TemplateError extends Error {
  override name = 'TemplateError';
  /**
   * @param file template file
   * @param line 1-based line
   * @param column 1-based column
   */
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${file}:${line}:${column}: ${message}`);
  }
}

/** Largest HTML a template may produce for one document (bytes of UTF-16). */
export const MAX_TEMPLATE_OUTPUT = 8 * 1024 * 1024;

/** Helpers available to templates. */
export const HELPER_NAMES = ['md', 'mdi', 'eq', 'url', 'fontFaces'] as const;

/** A loaded template set. */
export interface TemplateSet {
  /** Folders the set was read from, most specific first. */
  dirs: string[];
  /**
   * Render a top-level template (`notice.html`, `index.html`).
   * @param extra trusted CSS for `{{fontFaces}}`
   */
  render(name: string, data: object, extra?: { fontFaces?: string }): string;
}

interface Source {
  name: string;
  file: string;
  text: string;
}

const cache = new Map<string, Promise<TemplateSet>>();

/**
 * Load and compile a template set.
 * @param customDir an organisation's folder; its files replace built-in files of the same name
 */
export function loadTemplateSet(customDir?: string): Promise<TemplateSet> {
  const key = customDir ? path.resolve(customDir) : '';
  let set = cache.get(key);
  if (!set) {
    set = compileSet(customDir ? [path.resolve(customDir), DEFAULT_TEMPLATES_DIR] : [DEFAULT_TEMPLATES_DIR]);
    cache.set(key, set);
    set.catch(() => cache.delete(key));
  }
  return set;
}

async function compileSet(dirs: string[]): Promise<TemplateSet> {
  const templates = new Map<string, Source>();
  const partials = new Map<string, Source>();
  for (const dir of [...dirs].reverse()) {
    for (const f of await listHbs(dir)) templates.set(f.name, f);
    for (const f of await listHbs(path.join(dir, 'partials'))) partials.set(f.name, f);
  }
  const env = Handlebars.create();
  let fontFaces = '';
  env.registerHelper('md', (text: unknown) => new env.SafeString(typeof text === 'string' ? markdownToHtml(text) : ''));
  env.registerHelper('mdi', (text: unknown) => new env.SafeString(typeof text === 'string' ? markdownToHtml(text, true) : ''));
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  env.registerHelper('url', (value: unknown) => {
    const s = typeof value === 'string' ? value : '';
    // Relative paths of our own output and safe absolute URLs only.
    const ok = isSafeUrl(s) || /^[A-Za-z0-9._~/-]+$/.test(s);
    return new env.SafeString(ok ? escapeHtml(s) : '#');
  });
  env.registerHelper('fontFaces', () => new env.SafeString(fontFaces));

  const options: CompileOptions = {
    strict: true,
    knownHelpersOnly: true,
    knownHelpers: Object.fromEntries(HELPER_NAMES.map((h) => [h, true])),
    preventIndent: true,
  };
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const source of [...partials.values(), ...templates.values()]) {
    lintTemplate(source, env);
    try {
      env.precompile(source.text, options);
    } catch (error) {
      throw toTemplateError(error, source);
    }
    const fn = env.compile(source.text, options);
    const wrapped = ((context: unknown, opts?: RuntimeOptions) => {
      try {
        return fn(context, opts);
      } catch (error) {
        if (error instanceof TemplateError) throw error;
        throw toTemplateError(error, source);
      }
    }) as HandlebarsTemplateDelegate;
    if (partials.get(source.name) === source) env.registerPartial(source.name, wrapped);
    else compiled.set(source.name, wrapped);
  }

  return {
    dirs,
    render(name, data, extra) {
      const fn = compiled.get(name);
      if (!fn) throw new TemplateError(`No template '${name}.hbs' in ${dirs.join(' or ')}.`, path.join(dirs[0]!, `${name}.hbs`), 1, 1);
      fontFaces = extra?.fontFaces ?? '';
      const out = fn(data);
      if (out.length > MAX_TEMPLATE_OUTPUT) throw new TemplateError(`The template produced more than ${MAX_TEMPLATE_OUTPUT} characters.`, templates.get(name)!.file, 1, 1);
      return out;
    },
  };
}

type CompileOptions = Parameters<typeof Handlebars.compile>[1];
type RuntimeOptions = Handlebars.RuntimeOptions;

async function listHbs(dir: string): Promise<Source[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.hbs')).sort();
  } catch {
    return [];
  }
  return Promise.all(names.map(async (n) => ({ name: n.slice(0, -4), file: path.join(dir, n), text: await readFile(path.join(dir, n), 'utf8') })));
}

// A mustache right after one of these opens data inside a URL, script or style context.
const DANGEROUS_ATTRIBUTE = /\b(href|src|srcset|action|formaction|xlink:href|poster|data|style|on[a-z]+)\s*=\s*["']?[^"'>\s#]*$/i;
const DANGEROUS_STATIC = [
  { re: /<script\b/i, what: 'a <script> element (notices never run script)' },
  { re: /<(link|iframe|object|embed|base|meta\s+http-equiv=["']?refresh)\b/i, what: 'an element that loads or redirects to another resource' },
  { re: /\son[a-z]+\s*=/i, what: 'an event-handler attribute' },
  { re: /(url\(\s*["']?\s*(https?:|\/\/|file:)|@import|src\s*=\s*["']?\s*(https?:|\/\/|file:))/i, what: 'a reference to an external resource (fonts and images must be inlined)' },
  { re: /javascript:/i, what: 'a javascript: URL' },
];

/** Reject templates that print unescaped data, put data into URL/script attributes, or load resources. */
function lintTemplate(source: Source, env: typeof Handlebars): void {
  let ast: hbs.AST.Program;
  try {
    ast = env.parse(source.text);
  } catch (error) {
    throw toTemplateError(error, source);
  }
  let previous = '';
  const visit = (node: hbs.AST.Node | undefined | null): void => {
    if (!node) return;
    const loc = (node as { loc?: hbs.AST.SourceLocation }).loc;
    const at = (msg: string) => new TemplateError(msg, source.file, loc?.start.line ?? 1, (loc?.start.column ?? 0) + 1);
    switch (node.type) {
      case 'Program':
        for (const s of (node as hbs.AST.Program).body) visit(s);
        return;
      case 'ContentStatement': {
        const text = (node as hbs.AST.ContentStatement).value;
        for (const { re, what } of DANGEROUS_STATIC) {
          const m = re.exec(text);
          if (m) {
            const before = text.slice(0, m.index);
            const line = (loc?.start.line ?? 1) + (before.match(/\n/g)?.length ?? 0);
            const column = before.includes('\n') ? before.length - before.lastIndexOf('\n') : (loc?.start.column ?? 0) + before.length + 1;
            throw new TemplateError(`Templates may not contain ${what}.`, source.file, line, column);
          }
        }
        previous = text;
        return;
      }
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        const helper = m.path.type === 'PathExpression' ? (m.path as hbs.AST.PathExpression).original : '';
        if (!m.escaped) throw at('Triple braces {{{ }}} and {{& }} print data unescaped; use {{md x}} for Markdown fields or {{x}} for plain text.');
        if (DANGEROUS_ATTRIBUTE.test(previous) && helper !== 'url') throw at(`Data inside a URL, style or event attribute must go through {{url ...}}: '${previous.slice(-30).trim()}'.`);
        previous = '';
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        visit(b.program);
        visit(b.inverse);
        return;
      }
      case 'PartialBlockStatement': {
        const b = node as hbs.AST.PartialBlockStatement;
        visit(b.program);
        return;
      }
      default:
        return;
    }
  };
  visit(ast);
}

function toTemplateError(error: unknown, source: Source): TemplateError {
  const e = error as { message?: string; lineNumber?: number; column?: number; hash?: { loc?: { first_line: number; first_column: number } } };
  const message = (e.message ?? String(error)).split('\n')[0]!.replace(/ - \d+:\d+$/, '');
  const line = e.lineNumber ?? e.hash?.loc?.first_line ?? (/line (\d+)/.exec(e.message ?? '')?.[1] ? Number(/line (\d+)/.exec(e.message ?? '')![1]) : 1);
  const column = (e.column ?? e.hash?.loc?.first_column ?? 0) + 1;
  return new TemplateError(message, source.file, line, column);
}
