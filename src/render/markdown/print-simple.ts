/**
 * Printing the common top-level blocks (paragraphs, headings, tight lists of one-line items made
 * of text, `_emphasis_`, `**strong**` and links) straight from the tree, without remark-stringify.
 * Its escaping (`safe()`) and attention rules only ever change a text holding one of a few
 * characters, or one at a line start, or emphasis beside a letter; this printer declines
 * (returns undefined) every such block and remark-stringify prints it. Held to remark-stringify by
 * test/render/print-simple.test.ts.
 */
import type { Heading, List, Nodes, PhrasingContent } from 'mdast';

/** Characters remark-stringify escapes somewhere in phrasing (its `unsafe` patterns and backslashes). */
const ESCAPABLE = /[\t\r*_`[\]<&\\]/;
const LETTER = /^\p{L}/u;
const WORD_START = /^[\p{L}\p{N}]/u;
const WORD_END = /[\p{L}\p{N}]$/u;
/** Link destinations printed as they are (nothing in them is escaped or enclosed in `<>`). */
const PLAIN_URL = /^[A-Za-z0-9\-._~:/?#@!$+,;=%]+$/;

/**
 * The Markdown remark-stringify prints for a top-level block (with the options of index.ts), or
 * undefined when this printer is not sure of it.
 * @param node a child of the document root
 */
export function printSimpleBlock(node: Nodes): string | undefined {
  switch (node.type) {
    case 'paragraph': {
      const value = phrasing(node.children, '\n', '\n', true);
      return value || undefined;
    }
    case 'heading':
      return heading(node);
    case 'list':
      return list(node);
    default:
      return undefined;
  }
}

function heading(node: Heading): string | undefined {
  if (node.depth < 1 || node.depth > 6) return undefined;
  const value = phrasing(node.children, ' ', '\n', false, true);
  // A heading starting with white space gets it encoded.
  if (!value || value[0] === ' ') return undefined;
  return `${'#'.repeat(node.depth)} ${value}`;
}

function list(node: List): string | undefined {
  if (node.ordered || node.spread !== false || node.children.length === 0) return undefined;
  const lines: string[] = [];
  for (const item of node.children) {
    const [paragraph, ...rest] = item.children;
    if (rest.length > 0 || paragraph?.type !== 'paragraph') return undefined;
    const value = phrasing(paragraph.children, '\n', '\n', false);
    if (!value) return undefined;
    lines.push(`- ${value}`);
  }
  return lines.join('\n');
}

/** The first character a node prints (what remark-stringify's `peek` gives), if known. */
function peek(node: PhrasingContent): string | undefined {
  switch (node.type) {
    case 'text':
      return node.value[0];
    case 'emphasis':
      return '_';
    case 'strong':
      return '*';
    case 'link':
      return autolink(node) ? '<' : '[';
    default:
      return undefined;
  }
}

/**
 * Phrasing content between `before` and `after` (the characters around it).
 * @param lines whether texts may hold line endings (not in headings or list items here)
 * @param inHeading an ATX heading, where `#` can close the heading
 */
function phrasing(children: PhrasingContent[], before: string, after: string, lines: boolean, inHeading = false): string | undefined {
  let out = '';
  let previous = before;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const next = i + 1 < children.length ? peek(children[i + 1]!) : after;
    if (next === undefined) return undefined;
    let printed: string | undefined;
    if (child.type === 'text') printed = plainText(child.value, previous, next, lines, inHeading) ? child.value : undefined;
    else if (child.type === 'emphasis' || child.type === 'strong') printed = attention(child.children, child.type === 'emphasis' ? '_' : '**', previous, next, inHeading);
    else if (child.type === 'link') printed = link(child, inHeading);
    if (printed === undefined) return undefined;
    out += printed;
    previous = printed[printed.length - 1]!;
  }
  return out;
}

/** True if remark-stringify prints the text as it is between these characters. */
function plainText(value: string, before: string, after: string, lines: boolean, inHeading: boolean): boolean {
  if (value === '' || ESCAPABLE.test(value)) return false;
  if (inHeading && value.indexOf('#') >= 0) return false;
  // At a line start anything but a letter may open a block (`-`, `+`, `1.`, `#`, `>`, `=`, ...).
  if (before === '\n' && !LETTER.test(value)) return false;
  if (value.indexOf('\n') >= 0) {
    if (!lines || /\n(?!\p{L})| \n/u.test(value)) return false;
  }
  // A space before a line end is encoded; `!` before a link would make an image.
  if (after === '\n' && value.endsWith(' ')) return false;
  return !(after === '[' && value.endsWith('!'));
}

/**
 * `_x_` or `**x**` around one text that needs no encoding: after a space, line start or `(`, a
 * letter or digit inside at both ends (or punctuation at the end before a space or line end).
 */
function attention(children: PhrasingContent[], marker: string, before: string, after: string, inHeading: boolean): string | undefined {
  const [only, ...rest] = children;
  if (rest.length > 0 || only?.type !== 'text') return undefined;
  const value = only.value;
  if (!' \n('.includes(before) || !WORD_START.test(value) || !plainText(value, marker, marker, false, inHeading)) return undefined;
  const closes = WORD_END.test(value) ? ' \n.,;:!?)'.includes(after) : '.,;:!?)'.includes(value[value.length - 1]!) && (after === ' ' || after === '\n');
  return closes ? `${marker}${value}${marker}` : undefined;
}

/** True if remark-stringify prints the link as an autolink (`<url>`); its conditions. */
function autolink(node: Extract<PhrasingContent, { type: 'link' }>): boolean {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (!node.url || node.title || only?.type !== 'text') return false;
  return (only.value === node.url || `mailto:${only.value}` === node.url) && /^[a-z][+\-.a-z]+:/i.test(node.url) && !/[\0- <>\u007F]/.test(node.url);
}

function link(node: Extract<PhrasingContent, { type: 'link' }>, inHeading: boolean): string | undefined {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (node.title || only?.type !== 'text' || !PLAIN_URL.test(node.url)) return undefined;
  if (autolink(node)) return `<${only.value}>`;
  return plainText(only.value, '[', ']', false, inHeading) ? `[${only.value}](${node.url})` : undefined;
}
