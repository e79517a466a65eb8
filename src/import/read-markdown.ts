/**
 * Read Markdown (CommonMark) into source blocks.
 */
import type { List, ListItem, Nodes as MdNodes, PhrasingContent, Root as MdRoot } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { inlineMarkdown, plainText, pushHeading, pushList, pushParagraph, type SourceBlock, type SourceItem } from './source-blocks.js';

/** Read Markdown (CommonMark) into blocks. */
export function readMarkdown(text: string): SourceBlock[] {
  const tree = unified().use(remarkParse).parse(text) as MdRoot;
  const out: SourceBlock[] = [];
  mdBlocks(tree.children, out);
  return out;
}

function mdBlocks(nodes: readonly MdNodes[], out: SourceBlock[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'heading':
        pushHeading(out, node.depth, node.children);
        break;
      case 'paragraph':
        pushParagraph(out, node.children);
        break;
      case 'list':
        if (node.ordered) for (const item of node.children) mdBlocks(item.children, out);
        else pushList(out, mdListItems(node));
        break;
      case 'blockquote':
        mdBlocks(node.children, out);
        break;
      case 'code':
        pushParagraph(out, [{ type: 'text', value: node.value }]);
        break;
      case 'html': {
        const plain = node.value.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
        if (plain) pushParagraph(out, [{ type: 'text', value: decodeEntities(plain) }]);
        break;
      }
      default:
        break;
    }
  }
}

/** A bullet list's items; a nested list's items become items of their own (notices keep lists flat). */
function mdListItems(list: List): SourceItem[] {
  const items: SourceItem[] = [];
  const visit = (item: ListItem) => {
    const phrasing: PhrasingContent[] = [];
    const nested: List[] = [];
    for (const child of item.children) {
      if (child.type === 'paragraph' || child.type === 'heading') {
        if (phrasing.length > 0) phrasing.push({ type: 'text', value: ' ' });
        phrasing.push(...child.children);
      } else if (child.type === 'list') nested.push(child);
    }
    const md = inlineMarkdown(phrasing);
    if (md) items.push({ md, text: plainText(phrasing).replace(/\s+/g, ' ').trim() });
    for (const n of nested) n.children.forEach(visit);
  };
  list.children.forEach(visit);
  return items;
}

/** Decode the few HTML entities the text of a raw HTML block may hold. */
function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' })[e] ?? '');
}
