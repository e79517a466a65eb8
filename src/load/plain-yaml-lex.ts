/**
 * A quick lexer for the plainest notices: the token strings yaml's `Lexer` would yield, made by a
 * few loops over the text instead of yaml's generators (which, run once per process and not yet
 * optimised by the engine, took ~150 ms on a 1,000-clause notice, and as much again in garbage
 * collection). It knows only block mappings and lists of plain, single-quoted and double-quoted
 * scalars on one line each, plain scalars continued on more indented lines, comments and blank
 * lines. On anything else (tabs, CR, block scalars, flow collections, anchors, tags, explicit keys,
 * quoted keys, document markers, a plain scalar starting with an indicator, a continued scalar
 * with a blank line or a `: ` in it, ...) it gives up, and yaml's lexer reads the text instead. A
 * test holds the two to the same tokens on every notice and fixture in the repository.
 */
import { CST } from 'yaml';

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DOUBLE = 0x22;
const SINGLE = 0x27;
const BACKSLASH = 0x5c;

/** Characters a plain scalar may not start with here (YAML's indicators, and the quotes read apart). */
const NOT_PLAIN_START = new Set([...'-?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

/** Where a scan of one line of a plain scalar stopped. */
interface PlainLine {
  /** Index of the last character that is not a space (the scalar so far ends after it). */
  last: number;
  /** `colon`: at a `:` that makes it a key; `comment`: at the space before ` #`; `eol`: at the line end. */
  stop: 'colon' | 'comment' | 'eol';
  /** Index the scan stopped at. */
  at: number;
}

/**
 * The tokens yaml's `Lexer` yields for `text`, or undefined when the text is not in the subset
 * this reads (then use yaml's lexer).
 * @param text YAML source, BOM removed
 */
export function quickLex(text: string): string[] | undefined {
  if (text.includes('\t') || text.includes('\r')) return undefined;
  const n = text.length;
  const out: string[] = [];
  let inDocument = false;
  let pos = 0;
  while (pos < n) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    let i = spacesEnd(text, pos, eol);
    if (i > pos) out.push(text.slice(pos, i));
    // A blank line or a comment line.
    if (i === eol || text.charCodeAt(i) === HASH) {
      if (i < eol) out.push(text.slice(i, eol));
      if (eol < n) out.push('\n');
      pos = eol + 1;
      continue;
    }
    if (!inDocument) {
      // The document starts at its first content, which must be a key in the first column.
      if (i > pos) return undefined;
      out.push(CST.DOCUMENT);
      inDocument = true;
    }
    if (text.startsWith('---', i) || text.startsWith('...', i)) return undefined;
    // The line's indentation as yaml counts it (spaces and `- ` indicators), and the least a
    // continuation line of a scalar on this line must be indented.
    let indentValue = i - pos;
    let indentNext = -1;
    while (text.charCodeAt(i) === DASH && (i + 1 === eol || text.charCodeAt(i + 1) === SPACE)) {
      out.push('-');
      const after = spacesEnd(text, i + 1, eol);
      if (after > i + 1) out.push(text.slice(i + 1, after));
      indentNext = indentValue + 1;
      indentValue += after - i;
      i = after;
    }
    if (i === eol) {
      if (eol < n) out.push('\n');
      pos = eol + 1;
      continue;
    }
    const first = text.charCodeAt(i);
    if (first === HASH) return undefined;
    // A key: a plain scalar up to `:` and a space or the line end.
    if (first !== DOUBLE && first !== SINGLE) {
      if (NOT_PLAIN_START.has(first)) return undefined;
      const key = scanPlainLine(text, i, eol);
      if (key.stop === 'colon') {
        if (key.last !== key.at - 1) return undefined;
        out.push(CST.SCALAR, text.slice(i, key.at), ':');
        indentNext = indentValue + 1;
        i = spacesEnd(text, key.at + 1, eol);
        if (i > key.at + 1) out.push(text.slice(key.at + 1, i));
        if (i === eol) {
          if (eol < n) out.push('\n');
          pos = eol + 1;
          continue;
        }
        if (text.charCodeAt(i) === HASH) {
          out.push(text.slice(i, eol));
          if (eol < n) out.push('\n');
          pos = eol + 1;
          continue;
        }
      } else if (indentNext < 0) {
        // A scalar on a line of its own that is no list item: not a notice's layout.
        return undefined;
      }
    } else if (indentNext < 0) return undefined;
    // A value: after a key's `:`, or a list item's `- `.
    const end = scanValue(text, i, eol, indentNext, out);
    if (end < 0) return undefined;
    pos = end;
  }
  return out;
}

/** Index of the first character from `i` that is not a space (at most `eol`). */
function spacesEnd(text: string, i: number, eol: number): number {
  while (i < eol && text.charCodeAt(i) === SPACE) i++;
  return i;
}

/** Scan one line of a plain scalar from `i`, up to `eol`. */
function scanPlainLine(text: string, i: number, eol: number): PlainLine {
  let last = i - 1;
  for (let j = i; j < eol; j++) {
    const c = text.charCodeAt(j);
    if (c === COLON) {
      if (j + 1 === eol || text.charCodeAt(j + 1) === SPACE) return { last, stop: 'colon', at: j };
      last = j;
    } else if (c === SPACE) {
      if (text.charCodeAt(j + 1) === HASH) return { last, stop: 'comment', at: j };
    } else last = j;
  }
  return { last, stop: 'eol', at: eol };
}

/**
 * Read a value scalar starting at `i` on the line ending at `eol`, with what follows it on its
 * (last) line, into `out`.
 * @param indentNext the least indentation of a line that continues a plain scalar
 * @returns where the next line starts, or -1 to give up
 */
function scanValue(text: string, i: number, eol: number, indentNext: number, out: string[]): number {
  const n = text.length;
  const first = text.charCodeAt(i);
  let end: number;
  let lineEnd = eol;
  if (first === DOUBLE || first === SINGLE) {
    const close = first === DOUBLE ? doubleQuoteEnd(text, i, eol) : singleQuoteEnd(text, i, eol);
    if (close < 0) return -1;
    out.push(text.slice(i, close + 1));
    end = close + 1;
  } else {
    if (NOT_PLAIN_START.has(first)) return -1;
    const line = scanPlainLine(text, i, eol);
    if (line.stop === 'colon') return -1;
    let last = line.last;
    if (line.stop === 'eol') {
      // Continued on the following lines while they are indented at least indentNext.
      while (lineEnd < n) {
        const next = lineEnd + 1;
        let nextEol = text.indexOf('\n', next);
        if (nextEol < 0) nextEol = n;
        const k = spacesEnd(text, next, nextEol);
        if (k === nextEol) {
          // A blank line: the scalar ends unless a more indented line (not a comment) follows.
          if (continuesAfterBlanks(text, nextEol, indentNext)) return -1;
          break;
        }
        if (k - next < indentNext || text.charCodeAt(k) === HASH) break;
        const more = scanPlainLine(text, k, nextEol);
        if (more.stop !== 'eol') return -1;
        last = more.last;
        lineEnd = nextEol;
      }
    }
    out.push(CST.SCALAR, text.slice(i, last + 1));
    end = last + 1;
  }
  // Spaces, then a comment or the line end.
  const after = spacesEnd(text, end, lineEnd);
  if (after > end) out.push(text.slice(end, after));
  if (after < lineEnd) {
    if (text.charCodeAt(after) !== HASH || after === end) return -1;
    out.push(text.slice(after, lineEnd));
  }
  if (lineEnd < n) out.push('\n');
  return lineEnd + 1;
}

/** After blank lines ending at `eol`: is the next non-blank line indented at least `indentNext`, and no comment? */
function continuesAfterBlanks(text: string, eol: number, indentNext: number): boolean {
  const n = text.length;
  while (eol < n) {
    const next = eol + 1;
    let nextEol = text.indexOf('\n', next);
    if (nextEol < 0) nextEol = n;
    const k = spacesEnd(text, next, nextEol);
    if (k < nextEol) return k - next >= indentNext && text.charCodeAt(k) !== HASH;
    eol = nextEol;
  }
  return false;
}

/** Index of the `"` that closes the double-quoted scalar opening at `i`, on its line; -1 if none. */
function doubleQuoteEnd(text: string, i: number, eol: number): number {
  for (let j = i + 1; j < eol; j++) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH) j++;
    else if (c === DOUBLE) return j;
  }
  return -1;
}

/** Index of the `'` that closes the single-quoted scalar opening at `i`, on its line; -1 if none. */
function singleQuoteEnd(text: string, i: number, eol: number): number {
  for (let j = i + 1; j < eol; j++) {
    if (text.charCodeAt(j) !== SINGLE) continue;
    if (text.charCodeAt(j + 1) === SINGLE) j++;
    else return j;
  }
  return -1;
}
