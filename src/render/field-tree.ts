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

/**
 * True when CommonMark would read the text as one paragraph of plain text: one line, no character
 * that starts inline syntax (emphasis, code, links, HTML, entities, escapes), nothing at the start
 * that opens a block (heading, quote, list, code indent).
 */
export function isPlainParagraph(text: string): boolean {
  if (/[\n\r\t*_`[\]<>!&\\]/.test(text)) return false;
  const start = text.replace(/^ +/, '');
  if (start === '' || text.length - start.length >= 4) return false;
  return !/^([#>+=~-]|\d{1,9}[.)](\s|$))/.test(start);
}

/**
 * The text of a plain paragraph (see {@link isPlainParagraph}): CommonMark strips spaces around
 * it, but not other white space such as a no-break space, which `trim()` would take too.
 */
export function plainParagraphText(text: string): string {
  return text.replace(/^ +| +$/g, '');
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
