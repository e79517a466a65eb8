/**
 * Read an existing notice (Markdown, HTML or a Word .docx file) into a flat list of blocks:
 * headings, paragraphs and bullet lists, each as Markdown that a notice's text field accepts
 * (no raw HTML, no images, links only to http, https, mailto and tel) and as plain text.
 */
import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import type { List, ListItem, Nodes as MdNodes, PhrasingContent, Root as MdRoot } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import rehypeParse from 'rehype-parse';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SUSPICIOUS } from '../notice/characters.js';

/** One item of a bullet list. */
export interface SourceItem {
  /** The item as Markdown. */
  md: string;
  /** The item as plain text. */
  text: string;
}

/** A block of the source document, in reading order. */
export type SourceBlock =
  | { kind: 'heading'; depth: number; md: string; text: string }
  | { kind: 'paragraph'; md: string; text: string; lines: string[] }
  | { kind: 'list'; items: SourceItem[] };

/** The formats `noticekit import` reads. */
export type SourceFormat = 'md' | 'html' | 'docx';

/**
 * The format of a source file, from its name.
 * @returns undefined for a name that is none of .md, .markdown, .html, .htm, .docx
 */
export function sourceFormat(file: string): SourceFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'docx') return 'docx';
  return undefined;
}

/**
 * Read a source document into blocks.
 * @param data the file's bytes
 * @param format its format (see sourceFormat)
 * @returns the blocks, and messages from the reader (e.g. mammoth's notes on unsupported styles)
 */
export async function readSource(data: Uint8Array, format: SourceFormat): Promise<{ blocks: SourceBlock[]; messages: string[] }> {
  if (format === 'docx') {
    const mammoth = (await import('mammoth')).default;
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(data) });
    return { blocks: readHtml(result.value.replace(SUSPICIOUS, '')), messages: result.messages.map((m) => `${m.type}: ${m.message}`) };
  }
  // Hidden characters (bidi controls, zero-width spaces) a notice may not hold are dropped.
  const text = new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\ufeff/, '').replace(SUSPICIOUS, '');
  return { blocks: format === 'md' ? readMarkdown(text) : readHtml(text), messages: [] };
}

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

function pushHeading(out: SourceBlock[], depth: number, children: PhrasingContent[]): void {
  const md = inlineMarkdown(children);
  if (md) out.push({ kind: 'heading', depth, md, text: plainText(children).replace(/\s+/g, ' ').trim() });
}

/** A paragraph that is all bold (`**2. Data we collect**`) is a heading in many exported notices. */
function pushParagraph(out: SourceBlock[], children: PhrasingContent[]): void {
  const meaningful = children.filter((c) => !(c.type === 'text' && c.value.trim() === '') && c.type !== 'break');
  if (meaningful.length === 1 && meaningful[0]!.type === 'strong') {
    const text = plainText(children).replace(/\s+/g, ' ').trim();
    const numbered = /^\d+(\.[\dA-Za-z]+)*\.?\s/.test(text);
    if (text.length > 0 && text.length <= 160 && (numbered || !/[.:;,]$/.test(text))) {
      pushHeading(out, pseudoDepth(text), (meaningful[0] as { children: PhrasingContent[] }).children);
      return;
    }
  }
  const md = inlineMarkdown(children);
  if (!md) return;
  const raw = plainText(children, '\n');
  out.push({ kind: 'paragraph', md, text: raw.replace(/\s+/g, ' ').trim(), lines: raw.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean) });
}

/** Heading depth of a bold line from its numbering: `3.` a section, `3.1`/`15.A` a subsection, none deeper. */
function pseudoDepth(text: string): number {
  if (/^\d+\.?\s/.test(text)) return 2;
  if (/^\d+\.[\dA-Za-z]+\.?\s/.test(text) || /^[A-Z]\.\s/.test(text)) return 3;
  return 4;
}

function pushList(out: SourceBlock[], items: SourceItem[]): void {
  if (items.length > 0) out.push({ kind: 'list', items });
}

const SAFE_LINK = /^(https?:|mailto:|tel:)/i;

/** Phrasing content as notice Markdown: unsafe links and images become their text, raw HTML is dropped. */
function inlineMarkdown(children: readonly PhrasingContent[]): string {
  const clean = sanitizePhrasing(children);
  if (clean.length === 0) return '';
  return toMarkdown({ type: 'paragraph', children: clean }, { bullet: '-', emphasis: '*', strong: '*' }).trim();
}

function sanitizePhrasing(children: readonly PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const c of children) {
    switch (c.type) {
      case 'text':
      case 'inlineCode':
      case 'break':
        out.push(c);
        break;
      case 'strong':
      case 'emphasis':
      case 'delete': {
        const inner = sanitizePhrasing(c.children);
        if (plainText(inner).trim()) out.push({ ...c, children: inner } as PhrasingContent);
        else out.push(...inner);
        break;
      }
      case 'link':
        if (SAFE_LINK.test(c.url.trim()) && plainText(c.children).trim()) out.push({ ...c, url: c.url.trim(), title: null, children: sanitizePhrasing(c.children) });
        else out.push(...sanitizePhrasing(c.children));
        break;
      case 'linkReference':
        out.push(...sanitizePhrasing(c.children));
        break;
      case 'image':
      case 'imageReference':
        if (c.alt) out.push({ type: 'text', value: c.alt });
        break;
      default:
        break;
    }
  }
  return out;
}

/**
 * Plain text of phrasing content.
 * @param breakAs what a hard line break becomes (a space by default)
 */
export function plainText(children: readonly PhrasingContent[], breakAs = ' '): string {
  let s = '';
  for (const c of children) {
    if (c.type === 'text' || c.type === 'inlineCode') s += c.value;
    else if (c.type === 'break') s += breakAs;
    else if ('children' in c) s += plainText(c.children as PhrasingContent[], breakAs);
    else if (c.type === 'image' || c.type === 'imageReference') s += c.alt ?? '';
  }
  return s;
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' })[e] ?? '');
}

// ---------------------------------------------------------------------------------------------
// HTML (and .docx, which mammoth turns into HTML)

const SKIP = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'nav', 'iframe', 'object', 'button', 'select', 'input', 'textarea', 'canvas', 'video', 'audio']);
const BLOCK = new Set(['html', 'body', 'main', 'article', 'section', 'div', 'header', 'footer', 'aside', 'blockquote', 'figure', 'figcaption', 'address', 'form', 'fieldset', 'details', 'summary', 'dl', 'dt', 'dd', 'center', 'hr', 'pre']);

/** Read HTML into blocks; scripts, styles, navigation and forms are ignored. */
export function readHtml(html: string): SourceBlock[] {
  const tree = unified().use(rehypeParse).parse(html) as HastRoot;
  const out: SourceBlock[] = [];
  const pending: PhrasingContent[] = [];
  const flush = () => {
    if (pending.length > 0) pushParagraph(out, trimPhrasing(pending.splice(0)));
  };
  const walk = (nodes: readonly HastNodes[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        pending.push({ type: 'text', value: node.value.replace(/\s+/g, ' ') });
        continue;
      }
      if (node.type !== 'element') continue;
      const tag = node.tagName;
      if (SKIP.has(tag)) continue;
      const heading = /^h([1-6])$/.exec(tag);
      if (heading) {
        flush();
        pushHeading(out, Number(heading[1]), trimPhrasing(hastPhrasing(node.children)));
      } else if (tag === 'p') {
        flush();
        pending.push(...hastPhrasing(node.children));
        flush();
      } else if (tag === 'ul') {
        flush();
        pushList(out, hastListItems(node));
      } else if (tag === 'ol') {
        flush();
        for (const li of node.children) if (li.type === 'element' && li.tagName === 'li') walk(li.children), flush();
      } else if (tag === 'table') {
        flush();
        for (const row of descendants(node, 'tr')) {
          const cells = descendants(row, 'td').concat(descendants(row, 'th'));
          const parts = cells.map((cell) => trimPhrasing(hastPhrasing(cell.children))).filter((p) => p.length > 0);
          const joined: PhrasingContent[] = [];
          parts.forEach((p, i) => joined.push(...(i > 0 ? [{ type: 'text', value: ' – ' } as PhrasingContent] : []), ...p));
          if (joined.length > 0) pushParagraph(out, joined);
        }
      } else if (tag === 'br') {
        pending.push({ type: 'break' });
      } else if (BLOCK.has(tag) || tag === 'li') {
        flush();
        walk(node.children);
        flush();
      } else pending.push(...hastPhrasing([node]));
    }
  };
  walk(tree.children);
  flush();
  return out;
}

function descendants(node: Element, tag: string): Element[] {
  const found: Element[] = [];
  for (const c of node.children) {
    if (c.type !== 'element') continue;
    if (c.tagName === tag) found.push(c);
    else if (c.tagName !== 'table') found.push(...descendants(c, tag));
  }
  return found;
}

function hastListItems(list: Element): SourceItem[] {
  const items: SourceItem[] = [];
  for (const li of list.children) {
    if (li.type !== 'element' || li.tagName !== 'li') continue;
    const own = li.children.filter((c) => !(c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol')));
    const phrasing = trimPhrasing(hastPhrasing(own));
    const md = inlineMarkdown(phrasing);
    if (md) items.push({ md, text: plainText(phrasing).replace(/\s+/g, ' ').trim() });
    for (const c of li.children) if (c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol')) items.push(...hastListItems(c));
  }
  return items;
}

/** HTML inline content as mdast phrasing content. */
function hastPhrasing(nodes: readonly HastNodes[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    if (node.type === 'text') out.push({ type: 'text', value: node.value.replace(/\s+/g, ' ') });
    if (node.type !== 'element' || SKIP.has(node.tagName)) continue;
    const inner = () => hastPhrasing(node.children);
    switch (node.tagName) {
      case 'strong':
      case 'b':
        out.push({ type: 'strong', children: inner() });
        break;
      case 'em':
      case 'i':
        out.push({ type: 'emphasis', children: inner() });
        break;
      case 'a': {
        const href = typeof node.properties['href'] === 'string' ? node.properties['href'] : '';
        out.push(SAFE_LINK.test(href) ? { type: 'link', url: href, children: inner() } : ({ type: 'emphasis', children: inner(), data: { unwrap: true } } as PhrasingContent));
        break;
      }
      case 'br':
        out.push({ type: 'break' });
        break;
      case 'code':
        out.push({ type: 'inlineCode', value: plainText(inner()) });
        break;
      case 'img': {
        const alt = node.properties['alt'];
        if (typeof alt === 'string' && alt) out.push({ type: 'text', value: alt });
        break;
      }
      default:
        out.push(...inner());
    }
  }
  return unwrap(out);
}

/** Children marked for unwrapping (the text of an unsafe link) take the place of their parent. */
function unwrap(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.flatMap((n) => ((n as { data?: { unwrap?: boolean } }).data?.unwrap ? unwrap((n as { children: PhrasingContent[] }).children) : [n]));
}

/** Drop leading and trailing white space and breaks of a run of inline content. */
function trimPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = [...nodes];
  while (out.length > 0 && (out[0]!.type === 'break' || (out[0]!.type === 'text' && (out[0] as { value: string }).value.trim() === ''))) out.shift();
  while (out.length > 0 && (out[out.length - 1]!.type === 'break' || (out[out.length - 1]!.type === 'text' && (out[out.length - 1] as { value: string }).value.trim() === ''))) out.pop();
  if (out[0]?.type === 'text') out[0] = { type: 'text', value: out[0].value.replace(/^\s+/, '') };
  const last = out[out.length - 1];
  if (last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value.replace(/\s+$/, '') };
  return out;
}
