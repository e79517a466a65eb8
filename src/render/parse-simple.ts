/**
 * A parser for the few Markdown shapes notice texts are made of (paragraphs, tight `-` lists,
 * `*emphasis*`, `**strong**`, `[text](https://...)` links, backslash escapes), giving the same
 * syntax tree as remark-parse without positions. It declines (returns undefined) anything it is
 * not sure of, and the caller parses that text with remark-parse; test/render/parse-simple.test.ts
 * holds it to remark-parse on generated texts and on every text of the notices and fixtures.
 */
import type { List, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;
/** What may start a line: nothing that opens a block (heading, quote, list, code, HTML, rule). */
const LINE_START = /^(?:[\p{L}"'“„«‘(\\[*]|[0-9](?![0-9]*[.)]))/u;
/** Link destinations taken here: the safe schemes, no spaces, parentheses, escapes or entities. */
const DESTINATION = /^(?:https?:\/\/|mailto:|tel:)[A-Za-z0-9\-._~:/?#@!$+,;=%']+$/;

/**
 * The syntax tree of a Markdown text of the common shapes, or undefined for any other text.
 * @param markdown a text field's Markdown
 */
export function parseSimpleMarkdown(markdown: string): Root | undefined {
  const source = markdown.endsWith('\n') ? markdown.slice(0, -1) : markdown;
  if (source === '' || source.indexOf('\r') >= 0) return undefined;
  const children: RootContent[] = [];
  for (const block of source.split('\n\n')) {
    const lines = block.split('\n');
    if (lines[0]!.startsWith('- ')) {
      // Two lists with only a blank line between are one loose list.
      if (children[children.length - 1]?.type === 'list') return undefined;
      const list = listOf(lines);
      if (!list) return undefined;
      children.push(list);
    } else {
      const paragraph = paragraphOf(lines);
      if (!paragraph) return undefined;
      children.push(paragraph);
    }
  }
  return { type: 'root', children };
}

function lineOk(line: string): boolean {
  return LINE_START.test(line) && !line.endsWith(' ');
}

function paragraphOf(lines: string[]): Paragraph | undefined {
  if (!lines.every(lineOk)) return undefined;
  const children = inline(lines.join('\n'));
  return children && { type: 'paragraph', children };
}

function listOf(lines: string[]): List | undefined {
  const items: List['children'] = [];
  for (const line of lines) {
    if (!line.startsWith('- ')) return undefined;
    const paragraph = paragraphOf([line.slice(2)]);
    if (!paragraph) return undefined;
    items.push({ type: 'listItem', spread: false, checked: null, children: [paragraph] });
  }
  return { type: 'list', ordered: false, start: null, spread: false, children: items };
}

/** Characters plain text stops at: to stop, resolve, check or decline. */
const SPECIAL = /[\\*[\]_`<&!\n\u0000-\u0009\u000b-\u001f\u007f]/g;

/** Plain text from `from` up to the first character in `stops` (or the end), escapes resolved. */
function plain(s: string, from: number, stops: string): { value: string; end: number } | undefined {
  let value = '';
  let i = from;
  SPECIAL.lastIndex = from;
  for (let m = SPECIAL.exec(s); ; m = SPECIAL.exec(s)) {
    if (!m) return { value: value + s.slice(i), end: s.length };
    const at = m.index;
    const c = m[0];
    value += s.slice(i, at);
    if (stops.includes(c)) return { value, end: at };
    if (c === '\\') {
      const next = s[at + 1];
      if (next === undefined || !ASCII_PUNCTUATION.test(next)) return undefined;
      value += next;
      i = at + 2;
      SPECIAL.lastIndex = i;
    } else if (c === '\n' || (c === '!' && s[at + 1] !== '[')) {
      value += c;
      i = at + 1;
    } else return undefined;
  }
}

function inline(s: string): PhrasingContent[] | undefined {
  const out: PhrasingContent[] = [];
  let text = '';
  let i = 0;
  while (i < s.length) {
    const run = plain(s, i, '*[');
    if (!run) return undefined;
    text += run.value;
    i = run.end;
    if (i >= s.length) break;
    const node = s[i] === '*' ? attention(s, i) : link(s, i);
    if (!node) return undefined;
    if (text) out.push({ type: 'text', value: text });
    text = '';
    out.push(node.node);
    i = node.end;
  }
  if (text) out.push({ type: 'text', value: text });
  return out;
}

/**
 * `*x*` or `**x**` whose delimiters can only open and only close: the opener after a space, line
 * start or `(` and before a letter or digit; the closer after a letter or digit and before a space,
 * line end or punctuation, or after punctuation and before a space or line end.
 */
function attention(s: string, at: number): { node: PhrasingContent; end: number } | undefined {
  const size = s[at + 1] === '*' ? 2 : 1;
  const before = at === 0 ? '\n' : s[at - 1]!;
  if (!' \n('.includes(before) || !WORD.test(s[at + size] ?? '')) return undefined;
  const content = plain(s, at + size, '*\n');
  if (!content || s[content.end] !== '*') return undefined;
  const close = content.end;
  if (s.slice(close, close + size) !== '*'.repeat(size) || s[close + size] === '*') return undefined;
  const last = s[close - 1]!;
  const after = s[close + size];
  const ok = WORD.test(last) ? after === undefined || ' \n.,;:!?)'.includes(after) : '.,;:!?)'.includes(last) && (after === undefined || after === ' ' || after === '\n');
  if (!ok) return undefined;
  const children: PhrasingContent[] = [{ type: 'text', value: content.value }];
  return { node: size === 1 ? { type: 'emphasis', children } : { type: 'strong', children }, end: close + size };
}

/** `[text](url)` with plain text and a destination {@link DESTINATION} takes. */
function link(s: string, at: number): { node: PhrasingContent; end: number } | undefined {
  const label = plain(s, at + 1, ']\n');
  if (!label || label.value === '' || s[label.end] !== ']' || s[label.end + 1] !== '(') return undefined;
  const close = s.indexOf(')', label.end + 2);
  if (close < 0) return undefined;
  const url = s.slice(label.end + 2, close);
  if (!DESTINATION.test(url)) return undefined;
  return { node: { type: 'link', title: null, url, children: [{ type: 'text', value: label.value }] }, end: close + 1 };
}
