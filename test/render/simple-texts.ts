/**
 * Texts to hold the Markdown fast paths to the full parser and printer: every string of the
 * notices, fixtures and phrase packs, every Markdown text of their views and of a generated
 * corpus, and generators of texts rich in Markdown syntax.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import YAML from 'yaml';
import type { NoticeView } from '../../src/model/view.js';
import { ROOT, viewOf } from './helpers.js';

/** A tree without positions (the fast parser gives none). */
export function withoutPositions<T extends Nodes>(node: T): T {
  const { position: _position, ...rest } = node as T & { position?: unknown };
  if ('children' in rest) (rest as { children: Nodes[] }).children = (rest as { children: Nodes[] }).children.map(withoutPositions);
  return rest as T;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return yamlFiles(file);
    return /\.ya?ml$/.test(name) ? [file] : [];
  });
}

function strings(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
}

/** The Markdown texts of a view, as the renderers receive them. */
export function viewTexts(view: NoticeView): string[] {
  const out = [view.title, view.versionLine, ...(view.intro ? [view.intro] : [])];
  for (const section of view.sections) {
    if (section.heading) out.push(section.heading);
    for (const block of section.blocks) {
      if (block.type === 'paragraph') out.push(block.md);
      else if (block.type === 'list') out.push(...block.items.map((i) => i.md));
      else out.push(...block.head, ...block.rows.flatMap((r) => r.cells), ...block.fallback.map((i) => i.md));
    }
  }
  return out;
}

/** Views of the notices and of a small generated corpus, in each locale they declare. */
export async function sampleViews(count = 12): Promise<NoticeView[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'noticekit-simple-'));
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-corpus.mjs'), '--count', String(count), '--out', dir]);
    const files = [...readdirSync(path.join(ROOT, 'notices')).map((n) => path.join(ROOT, 'notices', n)), ...readdirSync(dir).sort().map((n) => path.join(dir, n))];
    const views: NoticeView[] = [];
    for (const file of files) {
      const locales = (YAML.parse(readFileSync(file, 'utf8')) as { locales: string[] }).locales;
      for (const locale of locales) views.push(await viewOf(file, locale));
    }
    return views;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every string of {@link fixtureStrings} and every Markdown text of {@link sampleViews}, once. */
export async function corpusTexts(): Promise<string[]> {
  return [...new Set([...fixtureStrings(), ...(await sampleViews()).flatMap(viewTexts)])];
}

/**
 * Run `check` on generated texts (it asserts what must hold for a text); the sum of what it returns.
 * @param check asserts on one text and says how many of its parts a fast path took
 */
export function taken(check: (text: string) => number, texts: fc.Arbitrary<string>, numRuns: number): number {
  let sum = 0;
  fc.assert(fc.property(texts, (text) => void (sum += check(text))), { numRuns });
  return sum;
}

/** Every string in the YAML of notices/, test/fixtures/ and the phrase packs. */
export function fixtureStrings(): string[] {
  const out = new Set<string>();
  for (const dir of ['notices', 'test/fixtures', 'templates/locales']) {
    for (const file of yamlFiles(path.join(ROOT, dir))) {
      try {
        for (const doc of YAML.parseAllDocuments(readFileSync(file, 'utf8'))) strings(doc.toJS({ maxAliasCount: 100 }), out);
      } catch {
        // hostile fixtures that do not load as YAML have no texts to take
      }
    }
  }
  return [...out];
}

const TOKENS = [
  'a', 'b', 'Ā', 'ž', '1', '2', ' ', '  ', '\n', '\n\n', '\t', '\r', '*', '**', '_', '__', '[', ']', '(', ')', '<', '>',
  '\\', '`', '!', '#', '-', '- ', '+', '.', ',', ':', ';', '&', '&amp;', '"', "'", '=', '~', '|', '\u00a0', '1. ',
  'https://x.example/a_b', 'mailto:a@b.example', 'tel:+371', 'javascript:alert(1)', 'data:text/html,x', '](', '![',
];
/** Arbitrary strings of Markdown syntax characters, words and URLs. */
export const syntaxText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 16 }).map((a) => a.join(''));

const word = fc.constantFrom('data', 'Daten', 'dati', 'Übermittlung', 'pārsūtīšana', 'x', '2020', '6(1)(f)', 'e-mail', 'A.', 'ok!', '(see)');
const url = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('https://example.com/p', 'http://e.example/a_b?c=1#d', 'mailto:dpo@example.com', 'tel:+37167000000') },
  { weight: 1, arbitrary: fc.constantFrom('javascript:alert(1)', 'https://a.example/(x)', '#top', 'dpo@example.com', 'data:text/html,x', 'HTTPS://E.EXAMPLE') },
);
const escaped = fc.constantFrom('\\-', '\\+', '\\.', '\\(', '\\)', '\\*', '\\_', '\\[', '\\]', '\\<', '\\&', '\\!', '\\#', '\\\\', '\\a', '\\-', '\\.', '\\+');
const token = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 2, arbitrary: word.map((w) => `*${w}*`) },
  { weight: 1, arbitrary: word.map((w) => `**${w}.**`) },
  { weight: 1, arbitrary: word.map((w) => `**${w}**`) },
  { weight: 2, arbitrary: fc.tuple(word, url).map(([w, u]) => `[${w}](${u})`) },
  { weight: 1, arbitrary: url.map((u) => `[${u.replace(/^mailto:/, '')}](${u})`) },
  { weight: 2, arbitrary: fc.tuple(word, escaped, word).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('(', '"', ''), word, fc.constantFrom(')', '.', ',', ':', '!', '?', '')).map((a) => a.join('')) },
);
const separator = fc.constantFrom(' ', ' ', ' ', ' ', '', ', ', '\u00a0');
const line = fc.array(fc.tuple(token, separator), { minLength: 1, maxLength: 6 }).map((a) => a.flat().slice(0, -1).join(''));
const block = fc.oneof(
  { weight: 3, arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }).map((a) => a.join('\n')) },
  { weight: 1, arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }).map((a) => a.map((l) => `- ${l}`).join('\n')) },
);
const slip = fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.constantFrom(...TOKENS)) });
/** Texts shaped like notice texts (words, emphasis, links, escapes, paragraphs, lists), some with a slip. */
export const noticeLikeText = fc
  .tuple(fc.array(block, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '', '', '\n'), slip)
  .map(([blocks, end, slipped]) => {
    const text = blocks.join('\n\n') + end;
    if (!slipped) return text;
    const at = slipped[0] % (text.length + 1);
    return text.slice(0, at) + slipped[1] + text.slice(at);
  });
