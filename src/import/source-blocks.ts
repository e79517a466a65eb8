/**
 * The blocks a source document is read into (headings, paragraphs, bullet lists), and how both
 * readers build them: inline content as the Markdown a notice text accepts, and as plain text.
 */
import type { PhrasingContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';

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


/** Add a heading block (empty headings are dropped). */
export function pushHeading(out: SourceBlock[], depth: number, children: PhrasingContent[]): void {
  const md = inlineMarkdown(children);
  if (md) out.push({ kind: 'heading', depth, md, text: plainText(children).replace(/\s+/g, ' ').trim() });
}

/** A paragraph that is all bold (`**2. Data we collect**`) is a heading in many exported notices. */
export function pushParagraph(out: SourceBlock[], children: PhrasingContent[]): void {
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

/** Add a list block (an empty list is dropped). */
export function pushList(out: SourceBlock[], items: SourceItem[]): void {
  if (items.length > 0) out.push({ kind: 'list', items });
}

/** The link targets a notice text may keep. */
export const SAFE_LINK = /^(https?:|mailto:|tel:)/i;

/** Phrasing content as notice Markdown: unsafe links and images become their text, raw HTML is dropped. */
export function inlineMarkdown(children: readonly PhrasingContent[]): string {
  const clean = sanitizePhrasing(children);
  if (clean.length === 0) return '';
  return toMarkdown({ type: 'paragraph', children: clean }, { bullet: '-', emphasis: '*', strong: '*' }).trim();
}

/** Phrasing content without raw HTML, images or unsafe links. */
export function sanitizePhrasing(children: readonly PhrasingContent[]): PhrasingContent[] {
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
