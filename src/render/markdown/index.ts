/**
 * Markdown output: the view assembled as a syntax tree (each text field parsed once, shared with
 * the HTML renderer) and printed by remark-stringify as canonical CommonMark.
 */
import type { BlockContent, List, ListItem, Nodes, Parents, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { defaultHandlers, type Handle, type Info, type State } from 'mdast-util-to-markdown';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { NoticeView } from '../../model/view.js';
import { fieldBlocks, fieldInline } from '../field-tree.js';
import { printSimpleBlock } from './print-simple.js';
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

/**
 * Printed top-level blocks, by a key naming their source (block kind + the Markdown text they come
 * from). A notice's headings, standard sentences and legal-basis statements come from the phrase
 * packs and recur in every notice of a locale; printing them is most of the cost of Markdown
 * output. A block at the top of the document prints the same wherever it stands, except a list
 * right after another list (it switches bullets), which is never taken from here. A block not
 * printed before is printed by print-simple.ts where it can, else by remark-stringify.
 */
const printed = new Map<string, { text: string; bullet: string | undefined }>();
const PRINTED_LIMIT = 20_000;
/** Where a top-level block comes from: its kind, its index among the nodes of that source, the Markdown. */
type BlockSource = [kind: string, index: number, markdown: string | string[]];
/** Sources of the top-level nodes of the tree being printed (set by renderMarkdown). */
let blockKeys: Map<Nodes, BlockSource> | undefined;

function remembered(type: 'heading' | 'paragraph' | 'list'): Handle {
  const print = defaultHandlers[type] as Handle;
  return (node: Nodes, parent: Parents | undefined, state: State, info: Info): string => {
    const top = parent?.type === 'root';
    if (!top || (type === 'list' && state.bulletLastUsed !== undefined)) return print(node, parent, state, info);
    const simple = printSimpleBlock(node);
    if (simple !== undefined) {
      // The list printer leaves its bullet behind; the simple printer always uses '-'. What it
      // prints is not remembered: it is about as fast as the memory, which keeps room for the rest.
      if (type === 'list') state.bulletLastUsed = '-';
      return simple;
    }
    const source = blockKeys?.get(node);
    const key = source && JSON.stringify(source);
    const hit = key === undefined ? undefined : printed.get(key);
    if (hit) {
      // What the list printer leaves behind for the next sibling.
      if (type === 'list') state.bulletLastUsed = hit.bullet;
      return hit.text;
    }
    const text = print(node, parent, state, info);
    if (key === undefined) return text;
    if (printed.size >= PRINTED_LIMIT) printed.clear();
    printed.set(key, { text, bullet: state.bulletLastUsed });
    return text;
  };
}

/**
 * A table as a GFM pipe table (the printer knows no tables without remark-gfm): a header row, a
 * delimiter row, a row per table row; cells on one line, their pipes escaped.
 */
const table: Handle = (node: Table, _parent, state) => {
  const cell = (c: Table['children'][number]['children'][number]) =>
    state
      .containerPhrasing(c, { before: ' ', after: ' ', now: { line: 1, column: 1 }, lineShift: 0 })
      .replace(/\r?\n/g, ' ')
      .replace(/(?<!\\)\|/g, '\\|')
      .trim();
  const lines = node.children.map((row) => `| ${row.children.map(cell).join(' | ')} |`);
  const width = node.children[0]?.children.length ?? 0;
  lines.splice(1, 0, `|${' --- |'.repeat(width)}`);
  return lines.join('\n');
};

const printer = unified().use(remarkStringify, { ...STRINGIFY_OPTIONS, handlers: { heading: remembered('heading'), paragraph: remembered('paragraph'), list: remembered('list'), table } });
/** The same printer without the memory (for tests: both must print the same). */
export const plainPrinter = unified().use(remarkStringify, { ...STRINGIFY_OPTIONS, handlers: { table } });

/** Canonical CommonMark for any Markdown text (stable output for the same meaning). */
export function canonicalMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

/**
 * Render a notice view as Markdown.
 * @returns canonical CommonMark ending in a newline
 */
export function renderMarkdown(view: NoticeView, options: { remember?: boolean } = {}): string {
  const children: RootContent[] = [];
  // The source of each top-level node, at the node's index. A key names a block by its kind and
  // the Markdown it is printed from (JSON, so no two differ only in where one text ends and the
  // next begins).
  const sources: BlockSource[] = [];
  const add = (kind: string, source: string | string[], nodes: RootContent[]) => {
    for (let i = 0; i < nodes.length; i++) {
      sources.push([kind, i, source]);
      children.push(nodes[i]!);
    }
  };
  add('h1', view.title, [{ type: 'heading', depth: 1, children: fieldInline(view.title) }]);
  if (view.versionLine) add('em', view.versionLine, [{ type: 'paragraph', children: [{ type: 'emphasis', children: fieldInline(view.versionLine) }] }]);
  if (view.intro) add('md', view.intro, fieldBlocks(view.intro));
  for (const section of view.sections) {
    if (section.heading) add('h2', section.heading, [{ type: 'heading', depth: 2, children: fieldInline(section.heading) }]);
    for (const block of section.blocks) {
      if (block.type === 'paragraph') add('md', block.md, fieldBlocks(block.md));
      else if (block.type === 'table' && block.markdownTable) {
        const row = (cells: string[]) => ({ type: 'tableRow' as const, children: cells.map((md) => ({ type: 'tableCell' as const, children: fieldInline(md) as PhrasingContent[] })) });
        add('table', [...block.head, ...block.rows.flatMap((r) => r.cells)], [{ type: 'table', children: [row(block.head), ...block.rows.map((r) => row(r.cells))] }]);
      } else {
        const items = (block.type === 'list' ? block.items : block.fallback).map((item) => item.md);
        add('ul', items, [listOf(items)]);
      }
    }
  }
  const tree = sanitizeTree({ type: 'root', children });
  if (options.remember === false) return plainPrinter.stringify(tree);
  // Sanitising copies what it changes (the root too); a copied node has no source and is printed afresh.
  const bySource = () => new Map<Nodes, BlockSource>(children.map((node, i) => [node, sources[i]!]));
  const keys = tree.children === children ? undefined : bySource();
  const known = printKnown(tree, (node, i) => (keys ? keys.get(node) : sources[i]));
  if (known !== undefined) return known;
  blockKeys = keys ?? bySource();
  try {
    return printer.stringify(tree);
  } finally {
    blockKeys = undefined;
  }
}

/**
 * The document without remark-stringify, when the simple printer or the memory knows every block
 * and no list follows a list: remark-stringify joins top-level blocks with a blank line and ends
 * the document with a line end.
 */
function printKnown(tree: Root, sourceOf: (node: Nodes, index: number) => BlockSource | undefined): string | undefined {
  const parts: string[] = [];
  for (let i = 0; i < tree.children.length; i++) {
    const node = tree.children[i]!;
    if (node.type === 'list' && tree.children[i - 1]?.type === 'list') return undefined;
    const text = printSimpleBlock(node) ?? printedText(sourceOf(node, i));
    if (text === undefined) return undefined;
    parts.push(text);
  }
  return parts.length > 0 ? `${parts.join('\n\n')}\n` : undefined;
}

function printedText(source: BlockSource | undefined): string | undefined {
  return source && printed.get(JSON.stringify(source))?.text;
}

function listOf(items: string[]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((md): ListItem => ({ type: 'listItem', spread: false, children: fieldBlocks(md) as BlockContent[] })),
  };
}
