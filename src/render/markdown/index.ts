/**
 * Markdown output: the view assembled as a syntax tree (each text field parsed once, shared with
 * the HTML renderer) and printed by remark-stringify as canonical CommonMark.
 */
import type { BlockContent, List, ListItem, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Block, NoticeView } from '../../model/view.js';
import { fieldBlocks, fieldInline } from '../field-tree.js';
import { sanitizeTree } from './sanitize-tree.js';

const STRINGIFY_OPTIONS = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
} as const;

const processor = unified().use(remarkParse).use(remarkStringify, STRINGIFY_OPTIONS);
const printer = unified().use(remarkStringify, STRINGIFY_OPTIONS);

/** Canonical CommonMark for any Markdown text (stable output for the same meaning). */
export function canonicalMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

/**
 * Render a notice view as Markdown.
 * @returns canonical CommonMark ending in a newline
 */
export function renderMarkdown(view: NoticeView): string {
  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: fieldInline(view.title) },
    { type: 'paragraph', children: [{ type: 'emphasis', children: fieldInline(view.versionLine) }] },
  ];
  if (view.intro) children.push(...fieldBlocks(view.intro));
  for (const section of view.sections) {
    if (section.heading) children.push({ type: 'heading', depth: 2, children: fieldInline(section.heading) });
    for (const block of section.blocks) children.push(...renderBlock(block));
  }
  const tree: Root = { type: 'root', children };
  return printer.stringify(sanitizeTree(tree));
}

function renderBlock(block: Block): RootContent[] {
  if (block.type === 'paragraph') return fieldBlocks(block.md);
  const items = block.type === 'list' ? block.items : block.fallback;
  const list: List = {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((item): ListItem => ({ type: 'listItem', spread: false, children: fieldBlocks(item.md) as BlockContent[] })),
  };
  return [list];
}
