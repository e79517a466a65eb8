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
import { escapeHtml } from './escape.js';
import { markdownToHtml } from './markdown-to-html.js';
import { isSafeUrl } from '../../notice/markdown.js';

/** A problem in a template, positioned in the template file. */
export class TemplateError extends Error {
  override name = 'TemplateError';
  /**
   * @param file template file
   * @param line 1-based line
   * @param column 1-based column
   */
  constructor(
    /** What went wrong, without the place (the message is prefixed with `file:line:column: `). */
    readonly reason: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
  }
}

/** Largest HTML a template may produce for one document (bytes of UTF-16). */
export const MAX_TEMPLATE_OUTPUT = 8 * 1024 * 1024;
/** Most block iterations (`{{#each}}` items) and Markdown fields one document may render. */
export const MAX_RENDER_STEPS = 200_000;
/** Milliseconds one document may take to render (checked every {@link CLOCK_STEPS} iterations and fields). */
export const MAX_RENDER_MS = 10_000;
/** Steps (see {@link MAX_RENDER_STEPS}) between two looks at the clock for {@link MAX_RENDER_MS}. */
const CLOCK_STEPS = 16;
/** Deepest nesting of partials (the built-in templates use 3). */
export const MAX_PARTIAL_DEPTH = 32;

/** Helpers available to templates. */
export const HELPER_NAMES = ['md', 'mdi', 'eq', 'url', 'fontFaces'] as const;

/** A loaded template set. */
export interface TemplateSet {
  /** Folders the set was read from, most specific first. */
  dirs: string[];
  /**
   * Render a top-level template (`notice.html`, `index.html`).
   * @param extra trusted CSS for `{{fontFaces}}`; `timeoutMs` replaces {@link MAX_RENDER_MS}
   * @throws TemplateError also when the render exceeds its budget of steps, time or output
   */
  render(name: string, data: object, extra?: { fontFaces?: string; timeoutMs?: number }): string;
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
    set = compileSet(templateDirs(customDir));
    cache.set(key, set);
    set.catch(() => cache.delete(key));
  }
  return set;
}

/**
 * The folders a template set is read from, most specific first (its {@link TemplateSet.dirs}),
 * without reading them.
 * @param customDir an organisation's folder, as for {@link loadTemplateSet}
 */
export function templateDirs(customDir?: string): string[] {
  return customDir ? [path.resolve(customDir), DEFAULT_TEMPLATES_DIR] : [DEFAULT_TEMPLATES_DIR];
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
  // Each render's budget: `{{#each}}` nested over the same list multiplies (eight levels over a
  // notice's sections ran for minutes, and wider ones exhaust memory before the output check).
  const budget = { steps: 0, chars: 0, depth: 0, deadline: Infinity, timeoutMs: MAX_RENDER_MS };
  const over = (message: string, loc?: hbs.AST.SourceLocation) => Object.assign(new Error(message), { lineNumber: loc?.start.line, column: loc?.start.column });
  const spend = (loc?: hbs.AST.SourceLocation) => {
    if (++budget.steps > MAX_RENDER_STEPS) throw over(`The template repeats blocks more than ${MAX_RENDER_STEPS} times for one document (an {{#each}} inside an {{#each}} over the same list?).`, loc);
    // The clock is read at the first step and every CLOCK_STEPS after (reading it costs more than most steps).
    if (budget.steps % CLOCK_STEPS === 1 && performance.now() >= budget.deadline) throw over(`Rendering one document took longer than ${budget.timeoutMs} ms.`, loc);
  };
  const builtinEach = env.helpers.each!;
  env.registerHelper('each', function (this: unknown, context: unknown, options: HelperOptions & { loc?: hbs.AST.SourceLocation }) {
    const fn = options.fn;
    const counted = (item: unknown, runtime?: unknown) => {
      spend(options.loc);
      const out = fn(item, runtime as Handlebars.RuntimeOptions);
      budget.chars += out.length;
      // Nested blocks count their output once per level: allow for that, and stop long before memory runs out.
      if (budget.chars > 4 * MAX_TEMPLATE_OUTPUT) throw over(`The template produced more than ${MAX_TEMPLATE_OUTPUT} characters.`, options.loc);
      return out;
    };
    return builtinEach.call(this, context, { ...options, fn: counted });
  });
  env.registerHelper('md', (text: unknown) => {
    spend();
    return new env.SafeString(typeof text === 'string' ? markdownToHtml(text) : '');
  });
  env.registerHelper('mdi', (text: unknown) => {
    spend();
    return new env.SafeString(typeof text === 'string' ? markdownToHtml(text, true) : '');
  });
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
    // Compiled once, here, so errors surface at load: `compile` alone would compile on first use,
    // and compiling to check and again to run took twice the time (a small build waits for it).
    let fn: HandlebarsTemplateDelegate;
    try {
      fn = env.template(new Function(`return ${env.precompile(source.text, options)}`)() as TemplateSpecification);
    } catch (error) {
      throw toTemplateError(error, source);
    }
    const wrapped = ((context: unknown, opts?: RuntimeOptions) => {
      // A partial that includes itself would recurse until the stack (or, with a large stack, memory) runs out.
      if (++budget.depth > MAX_PARTIAL_DEPTH) throw new TemplateError(`Partials are nested more than ${MAX_PARTIAL_DEPTH} deep; does a partial include itself?`, source.file, 1, 1);
      try {
        return fn(context, opts);
      } catch (error) {
        if (error instanceof TemplateError) throw error;
        throw toTemplateError(error, source);
      } finally {
        budget.depth--;
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
      budget.steps = 0;
      budget.chars = 0;
      budget.depth = 0;
      budget.timeoutMs = extra?.timeoutMs ?? MAX_RENDER_MS;
      budget.deadline = performance.now() + budget.timeoutMs;
      const out = fn(data);
      if (out.length > MAX_TEMPLATE_OUTPUT) throw new TemplateError(`The template produced more than ${MAX_TEMPLATE_OUTPUT} characters.`, templates.get(name)!.file, 1, 1);
      return out;
    },
  };
}

type CompileOptions = Parameters<typeof Handlebars.compile>[1];
type RuntimeOptions = Handlebars.RuntimeOptions;
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

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
// Anywhere inside the value (`style="color: {{x}}"` too), except an in-page `#fragment`.
const DANGEROUS_ATTRIBUTE = /\b(href|src|srcset|action|formaction|xlink:href|poster|data|style|on[a-z]+)\s*=\s*(?:"(?!#)[^"]*|'(?!#)[^']*|(?![#"'])[^\s>]*)$/i;
const DANGEROUS_STATIC = [
  { re: /<script\b/i, what: 'a <script> element (notices never run script)' },
  { re: /<(link|iframe|frame|object|embed|base|portal)\b|<meta\b[^>]*\bhttp-equiv\s*=\s*["']?refresh/i, what: 'an element that loads or redirects to another resource' },
  { re: /\son[a-z]+\s*=/i, what: 'an event-handler attribute' },
  {
    re: /((url|image-set|image)\(\s*["']?\s*(https?:|\/\/|file:)|@import|\b(src|srcset|poster|data|background)\s*=\s*["']?\s*(https?:|\/\/|file:)|<(image|use|feimage)\b[^>]*\bhref\s*=\s*["']?\s*(https?:|\/\/|file:))/i,
    what: 'a reference to an external resource (fonts and images must be inlined)',
  },
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
  let message = (e.message ?? String(error)).split('\n')[0]!.replace(/ - \d+:\d+$/, '');
  if (error instanceof RangeError && /call stack/i.test(message)) message = `Rendering nested too deeply (${message}): does a partial include itself?`;
  const line = e.lineNumber ?? e.hash?.loc?.first_line ?? (/line (\d+)/.exec(e.message ?? '')?.[1] ? Number(/line (\d+)/.exec(e.message ?? '')![1]) : 1);
  const column = (e.column ?? e.hash?.loc?.first_column ?? 0) + 1;
  return new TemplateError(message, source.file, line, column);
}
