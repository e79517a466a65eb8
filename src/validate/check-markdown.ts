/**
 * Markdown safety checks for text fields: no raw HTML, no images, links only to
 * https, http, mailto, tel or an in-page #fragment.
 */
import type { Nodes, Root } from 'mdast';
import { isSafeUrl, parseMarkdown, SAFE_URL } from '../notice/markdown.js';

/** A Markdown problem, with its offset inside the text. */
export interface MarkdownProblem {
  code: 'raw-html' | 'unsafe-url' | 'image-not-allowed' | 'markdown-too-complex';
  message: string;
  /** 0-based offset in the text where the problem starts. */
  offset: number;
  /** The source characters the problem is about (to find them in the YAML). */
  snippet: string;
}

/**
 * True if `text` cannot hold raw HTML, an image or an unsafe link, judged without parsing it.
 * HTML and autolinks need `<`; images need `![`; link definitions need `]:`; and an inline link's
 * destination follows `](` (CommonMark allows nothing between them). When every such destination
 * literally starts with an allowed scheme, entity or escape decoding cannot change that scheme.
 * Anything else (`jav&#97;script:`, `](<...>)`, an escaped bracket) goes to the full parse.
 */
function isPlainlySafe(text: string): boolean {
  if (text.indexOf('[') < 0 && text.indexOf('<') < 0) return true;
  if (text.indexOf('<') >= 0 || text.indexOf('![') >= 0 || text.indexOf(']:') >= 0) return false;
  for (let i = text.indexOf(']('); i >= 0; i = text.indexOf('](', i + 2)) {
    let j = i + 2;
    // Only what CommonMark allows before a destination; anything else is read as part of it.
    while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\n' || text[j] === '\r')) j++;
    if (!SAFE_URL.test(text.slice(j, j + 8))) return false;
  }
  return true;
}

/**
 * Find raw HTML, images and unsafe links in one Markdown text.
 * Texts that plainly hold none (most of them) are not parsed, so validation stays fast.
 */
export function checkMarkdown(text: string): MarkdownProblem[] {
  const complex = findComplexity(text);
  if (complex) return [complex];
  return isPlainlySafe(text) ? [] : findMarkdownProblems(text);
}

/** Deepest nesting of quotes and lists one text may use (a notice needs 3 at most). */
export const MAX_MARKDOWN_DEPTH = 10;
/** Most lines one text may have. */
export const MAX_MARKDOWN_LINES = 500;
/** Most `*` and `_` characters (emphasis delimiters) one text may hold. */
export const MAX_MARKDOWN_DELIMITERS = 1000;

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;
const STARTS_WITH_LETTER = /^\p{L}/u;

/**
 * The Markdown parser takes time that grows much faster than the text for deep nesting
 * (`- - - - x`, `>>>>>`: 18 KB took 30 s and overflowed the stack), for many lines inside quotes
 * and lists, and for long runs of emphasis delimiters. Refuse those texts, in one linear pass,
 * before anything parses them.
 */
function findComplexity(text: string): MarkdownProblem | undefined {
  // Most texts: one line starting with a letter (no quote or list marker, so no nesting) and too
  // short to hold too many delimiters.
  if (text.length <= MAX_MARKDOWN_DELIMITERS && STARTS_WITH_LETTER.test(text) && text.indexOf('\n') < 0) return undefined;
  let delimiters = 0;
  let lineNo = 0;
  let offset = 0;
  // Read in place, line by line (a slice of the text is made only for a problem's snippet).
  while (offset <= text.length) {
    let end = text.indexOf('\n', offset);
    if (end < 0) end = text.length;
    if (++lineNo > MAX_MARKDOWN_LINES) {
      return { code: 'markdown-too-complex', message: `This text has more than ${MAX_MARKDOWN_LINES} lines; split it into several clauses.`, offset, snippet: text.slice(offset, Math.min(end, offset + 40)) };
    }
    let depth = 0;
    let indent = 0;
    let i = offset;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09) {
        if (depth === 0) indent += c === 0x09 ? 4 : 1;
        i++;
      } else if (c === 0x3e) {
        depth++;
        i++;
      } else {
        // Only `-`, `+`, `*` or a digit can start a list marker.
        if (c !== 0x2d && c !== 0x2b && c !== 0x2a && !(c >= 0x30 && c <= 0x39)) break;
        const marker = LIST_MARKER.exec(text.slice(i, Math.min(i + 11, end)));
        if (!marker) break;
        depth++;
        i += marker[0].length;
      }
    }
    if (depth + Math.floor(indent / 2) > MAX_MARKDOWN_DEPTH) {
      return { code: 'markdown-too-complex', message: `Quotes and lists are nested more than ${MAX_MARKDOWN_DEPTH} levels deep here; a notice never needs that.`, offset, snippet: text.slice(offset, Math.min(end, offset + 40)) };
    }
    for (let k = offset; k < end; k++) {
      const c = text.charCodeAt(k);
      if ((c === 42 || c === 95) && ++delimiters > MAX_MARKDOWN_DELIMITERS) {
        return { code: 'markdown-too-complex', message: `This text uses * or _ more than ${MAX_MARKDOWN_DELIMITERS} times; simplify its emphasis.`, offset: k, snippet: text.slice(k, Math.min(k + 40, end)) };
      }
    }
    offset = end + 1;
  }
  return undefined;
}

/** Like {@link checkMarkdown}, but always parses the text (the reference the fast path is tested against). */
export function findMarkdownProblems(text: string): MarkdownProblem[] {
  let tree: Root;
  try {
    tree = parseMarkdown(text);
  } catch {
    return [{ code: 'raw-html', message: 'This text could not be read as Markdown; simplify it.', offset: 0, snippet: text.slice(0, 20) }];
  }
  const problems: MarkdownProblem[] = [];
  const visit = (node: Nodes) => {
    const offset = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? offset;
    const snippet = text.slice(offset, Math.min(end, offset + 40));
    if (node.type === 'html') {
      problems.push({ code: 'raw-html', message: `Raw HTML (\`${clip(node.value)}\`) is not allowed in a text; use Markdown: *emphasis*, **strong**, [link](https://...), lists.`, offset, snippet });
    } else if (node.type === 'image' || node.type === 'imageReference') {
      problems.push({ code: 'image-not-allowed', message: 'Images are not allowed in a notice text (they would load from elsewhere); describe the content in words.', offset, snippet });
    } else if ((node.type === 'link' || node.type === 'definition') && !isSafeUrl(node.url)) {
      problems.push({ code: 'unsafe-url', message: `The link \`${clip(node.url)}\` is not allowed; links must start with https://, http://, mailto: or tel:.`, offset, snippet });
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return problems;
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 40 ? `${one.slice(0, 39)}…` : one;
}
