/**
 * Markdown text fields as syntax trees, parsed once and shared by the Markdown and HTML
 * renderers. Plain one-line texts (most of them) skip the parser; texts of the common shapes
 * (emphasis, links, escapes, paragraphs, lists) take the small parser of parse-simple.ts.
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { parseMarkdown } from '../notice/markdown.js';
import { parseSimpleMarkdown } from './parse-simple.js';

const cache = new Map<string, Root>();
const CACHE_LIMIT = 20_000;

const SPACE = 0x20;
const INLINE_SYNTAX = /[\n\r\t*_`[\]<>!&\\]/;
/** What opens a block where the text starts (after its indent; sticky, from `lastIndex`). */
const BLOCK_START = /[#>+=~-]|\d{1,9}[.)](\s|$)/y;

/**
 * True when CommonMark would read the text as one paragraph of plain text: one line, no character
 * that starts inline syntax (emphasis, code, links, HTML, entities, escapes), nothing at the start
 * that opens a block (heading, quote, list, code indent).
 */
export function isPlainParagraph(text: string): boolean {
  if (INLINE_SYNTAX.test(text)) return false;
  let indent = 0;
  while (text.charCodeAt(indent) === SPACE) indent++;
  if (indent === text.length || indent >= 4) return false;
  BLOCK_START.lastIndex = indent;
  return !BLOCK_START.test(text);
}

/**
 * The text of a plain paragraph (see {@link isPlainParagraph}): CommonMark strips spaces around
 * it, but not other white space such as a no-break space, which `trim()` would take too.
 */
export function plainParagraphText(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === SPACE) start++;
  while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/**
 * The syntax tree of a Markdown text (cached; callers must not modify it).
 * @throws RangeError for pathological nesting the parser cannot handle
 */
export function fieldTree(markdown: string): Root {
  if (isPlainParagraph(markdown)) {
    return { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: plainParagraphText(markdown) }] }] };
  }
  let tree = cache.get(markdown);
  if (!tree) {
    tree = parseSimpleMarkdown(markdown) ?? parseMarkdown(markdown);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(markdown, tree);
  }
  return tree;
}

/** Block content of a field. */
export function fieldBlocks(markdown: string): RootContent[] {
  return fieldTree(markdown).children;
}

/** Inline content of a one-paragraph field (a heading, a list item's label); other blocks are flattened. */
export function fieldInline(markdown: string): PhrasingContent[] {
  const blocks = fieldBlocks(markdown);
  if (blocks.length === 1 && blocks[0]!.type === 'paragraph') return blocks[0]!.children;
  return [{ type: 'text', value: markdown.replace(/\s+/g, ' ').trim() }];
}
