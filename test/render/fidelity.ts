/**
 * Fidelity of a rendered notice to the text it was modelled from, sentence by sentence: how many
 * source sentences the Markdown output contains (nothing dropped), and how many of the output's
 * body sentences (headings and table rows aside) are in the source (nothing invented). Shared by
 * the reference-notice test and the real-notice fixtures.
 */
import type { Nodes } from 'mdast';
import { parseMarkdown } from '../../src/notice/markdown.js';
import { inline, markdownText, normalise } from './helpers.js';

export { normalise };

// A sentence ends at . ! ? followed by space and a capital (Latin, Latvian, German, French) or a quote.
const SENTENCE_END = /(?<=[.!?])\s+(?=[A-ZĀČĒĢĪĶĻŅŠŪŽÄÖÜÀÂÉÈÊÎÔÛÇ“„«"])/u;

/** Sentences of a text: every line (a heading, a paragraph, a bullet) split after . ! ? */
export function sentences(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[•*-]|\d+\.)\s+/, '').trim())
    .filter(Boolean)
    .flatMap((line) => line.split(SENTENCE_END))
    .map(normalise)
    .filter((s) => /\p{L}/u.test(s));
}

/** The body of a Markdown document as plain text, one line per block: no headings, no table rows. */
export function bodyText(markdown: string): string {
  const lines: string[] = [];
  const block = (node: Nodes) => {
    if (node.type === 'heading') return;
    if (node.type === 'paragraph') {
      // A GFM table is a paragraph to this (CommonMark) parser: its rows start with a pipe.
      const text = inline(node);
      lines.push(...text.split('\n').filter((l) => !l.trimStart().startsWith('|')));
    } else if ('children' in node) for (const child of node.children as Nodes[]) block(child);
  };
  block(parseMarkdown(markdown));
  return lines.join('\n');
}

/** Both fidelity figures of a rendering against its source text. */
export interface Fidelity {
  /** Share of source sentences found in the output (0-1). */
  recall: number;
  /** Share of the output's body sentences found in the source (0-1). */
  precision: number;
  /** Source sentences the output lacks. */
  missing: string[];
  /** Output sentences the source lacks. */
  invented: string[];
}

/**
 * Compare a Markdown rendering with the plain source text it was modelled from.
 * @param markdown the rendered notice (source locale)
 * @param source the source text (plain text or Markdown, one block a line)
 */
export function fidelity(markdown: string, source: string): Fidelity {
  const rendered = normalise(markdownText(markdown));
  const src = sentences(source);
  const body = sentences(bodyText(markdown));
  const whole = normalise(source.replace(/\r?\n/g, ' '));
  const missing = src.filter((s) => !rendered.includes(s));
  const invented = body.filter((s) => !whole.includes(s));
  return { recall: 1 - missing.length / Math.max(1, src.length), precision: 1 - invented.length / Math.max(1, body.length), missing, invented };
}
