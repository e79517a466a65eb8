/**
 * A quick lexer for the plainest notices: the tokens yaml's `Lexer` would yield (as the loader's
 * token list), made by a few loops over the text instead of yaml's generators (which, run once
 * per process and not yet optimised by the engine, took ~150 ms on a 1,000-clause notice, and as
 * much again in garbage collection). It knows only block mappings and lists of plain,
 * single-quoted and double-quoted scalars on one line each, plain scalars continued on more
 * indented lines, block scalars (`|`, `>`, with chomping and indentation indicators), flow lists
 * of scalars on one line, comments and blank lines. On anything else (tabs, CR, flow mappings,
 * nested or multi-line flow collections, anchors, tags, explicit keys, quoted keys, document
 * markers, a plain scalar starting with an indicator, a continued scalar with a blank line or a
 * `: ` in it, ...) it gives up, and yaml's lexer reads the text instead. A test holds the two to
 * the same tokens on every notice and fixture in the repository, on the generated corpus, and on
 * mutated and generated layouts.
 */
import * as tok from './plain-yaml-tokens.js';

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DOUBLE = 0x22;
const SINGLE = 0x27;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const COMMA = 0x2c;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const PIPE = 0x7c;
const GREATER = 0x3e;

/** Characters a plain scalar may not start with here (YAML's indicators, and the quotes read apart). */
const NOT_PLAIN_START = new Set([...'-?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

/** Characters that end a plain scalar in a flow collection (yaml's flow indicators). */
const FLOW_INDICATORS = new Set([...',[]{}'].map((c) => c.charCodeAt(0)));

/**
 * Block scalar headers read here: an indicator, then at most one chomping indicator and one
 * indentation indicator (1-9) in either order. yaml's lexer takes anything up to a space or `#`.
 */
const BLOCK_HEADER = /^[|>](?:[-+]?[1-9]?|[1-9][-+])$/;

/** Where a scan of one line of a plain scalar stopped. */
interface PlainLine {
  /** Index of the last character that is not a space (the scalar so far ends after it). */
  last: number;
  /** `colon`: at a `:` that makes it a key; `comment`: at the space before ` #`; `eol`: at the line end. */
  stop: 'colon' | 'comment' | 'eol';
  /** Index the scan stopped at. */
  at: number;
}

/** The one record every scan of a line fills (read before the next scan; no object per line). */
const scanned: PlainLine = { last: 0, stop: 'eol', at: 0 };

/**
 * Fill `out` with the tokens yaml's `Lexer` yields for `text` (as {@link tok.lexerTokens} would
 * list them), or answer false when the text is not in the subset this reads (then use yaml's lexer).
 * @param text YAML source, BOM removed
 * @param out an empty list for `text`
 */
export function quickLex(text: string, out: tok.Tokens): boolean {
  if (text.includes('\t') || text.includes('\r')) return false;
  const n = text.length;
  let inDocument = false;
  let pos = 0;
  while (pos < n) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    let i = spacesEnd(text, pos, eol);
    if (i > pos) out.add(tok.SP, pos, i - pos);
    // A blank line or a comment line.
    if (i === eol || text.charCodeAt(i) === HASH) {
      if (i < eol) out.add(tok.CM, i, eol - i);
      if (eol < n) out.add(tok.NL, eol, 1);
      pos = eol + 1;
      continue;
    }
    if (!inDocument) {
      // The document starts at its first content, which must be a key in the first column.
      if (i > pos) return false;
      inDocument = true;
    }
    if (text.startsWith('---', i) || text.startsWith('...', i)) return false;
    // The line's indentation as yaml counts it (spaces and `- ` indicators), and the least a
    // continuation line of a scalar on this line must be indented.
    let indentValue = i - pos;
    let indentNext = -1;
    while (text.charCodeAt(i) === DASH && (i + 1 === eol || text.charCodeAt(i + 1) === SPACE)) {
      out.add(tok.DASH, i, 1);
      const after = spacesEnd(text, i + 1, eol);
      if (after > i + 1) out.add(tok.SP, i + 1, after - i - 1);
      indentNext = indentValue + 1;
      indentValue += after - i;
      i = after;
    }
    if (i === eol) {
      if (eol < n) out.add(tok.NL, eol, 1);
      pos = eol + 1;
      continue;
    }
    const first = text.charCodeAt(i);
    if (first === HASH) return false;
    if (first === OPEN || first === PIPE || first === GREATER) {
      // A flow list or block scalar as a list item's value.
      if (indentNext < 0) return false;
    } else if (first !== DOUBLE && first !== SINGLE) {
      // A key: a plain scalar up to `:` and a space or the line end.
      if (NOT_PLAIN_START.has(first)) return false;
      const key = scanPlainLine(text, i, eol);
      if (key.stop === 'colon') {
        const colon = key.at;
        if (key.last !== colon - 1) return false;
        out.scalar(i);
        out.add(tok.COLON, colon, 1);
        indentNext = indentValue + 1;
        i = spacesEnd(text, colon + 1, eol);
        if (i > colon + 1) out.add(tok.SP, colon + 1, i - colon - 1);
        if (i === eol) {
          if (eol < n) out.add(tok.NL, eol, 1);
          pos = eol + 1;
          continue;
        }
        if (text.charCodeAt(i) === HASH) {
          out.add(tok.CM, i, eol - i);
          if (eol < n) out.add(tok.NL, eol, 1);
          pos = eol + 1;
          continue;
        }
      } else if (indentNext < 0) {
        // A scalar on a line of its own that is no list item: not a notice's layout.
        return false;
      }
    } else if (indentNext < 0) return false;
    // A value: after a key's `:`, or a list item's `- `.
    const end = scanValue(text, i, eol, indentNext, out);
    if (end < 0) return false;
    pos = end;
  }
  return true;
}

/** Index of the first character from `i` that is not a space (at most `eol`). */
function spacesEnd(text: string, i: number, eol: number): number {
  while (i < eol && text.charCodeAt(i) === SPACE) i++;
  return i;
}

/** Scan one line of a plain scalar from `i`, up to `eol` (into {@link scanned}, returned). */
function scanPlainLine(text: string, i: number, eol: number): PlainLine {
  let last = i - 1;
  for (let j = i; j < eol; j++) {
    const c = text.charCodeAt(j);
    if (c === COLON) {
      if (j + 1 === eol || text.charCodeAt(j + 1) === SPACE) return stopped(last, 'colon', j);
      last = j;
    } else if (c === SPACE) {
      if (text.charCodeAt(j + 1) === HASH) return stopped(last, 'comment', j);
    } else last = j;
  }
  return stopped(last, 'eol', eol);
}

function stopped(last: number, stop: PlainLine['stop'], at: number): PlainLine {
  scanned.last = last;
  scanned.stop = stop;
  scanned.at = at;
  return scanned;
}

/**
 * Read a value scalar starting at `i` on the line ending at `eol`, with what follows it on its
 * (last) line, into `out`.
 * @param indentNext the least indentation of a line that continues a plain scalar
 * @returns where the next line starts, or -1 to give up
 */
function scanValue(text: string, i: number, eol: number, indentNext: number, out: tok.Tokens): number {
  const n = text.length;
  const first = text.charCodeAt(i);
  let end: number;
  let lineEnd = eol;
  if (first === PIPE || first === GREATER) return scanBlockScalar(text, i, eol, indentNext, out);
  if (first === OPEN) {
    end = scanFlowList(text, i, eol, out);
    if (end < 0) return -1;
  } else if (first === DOUBLE || first === SINGLE) {
    const close = first === DOUBLE ? doubleQuoteEnd(text, i, eol) : singleQuoteEnd(text, i, eol);
    if (close < 0) return -1;
    out.add(first === DOUBLE ? tok.DQ : tok.SQ, i, close + 1 - i);
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
    out.scalar(i);
    end = last + 1;
  }
  // Spaces, then a comment or the line end.
  const after = spacesEnd(text, end, lineEnd);
  if (after > end) out.add(tok.SP, end, after - end);
  if (after < lineEnd) {
    if (text.charCodeAt(after) !== HASH || after === end) return -1;
    out.add(tok.CM, after, lineEnd - after);
  }
  if (lineEnd < n) out.add(tok.NL, lineEnd, 1);
  return lineEnd + 1;
}

/**
 * Read a block scalar whose header starts at `i`: the header line into `out`, then the body as
 * one scalar, found the way yaml's lexer finds it (its first non-blank line sets the indentation
 * unless the header gives it; trailing blank lines stay out of it unless kept by `+`).
 * @param indentNext the least indentation of the body (one more than its parent's)
 * @returns where the next line starts (after the body), or -1 to give up
 */
function scanBlockScalar(text: string, i: number, eol: number, indentNext: number, out: tok.Tokens): number {
  const n = text.length;
  if (indentNext < 1) return -1;
  let h = i + 1;
  while (h < eol && text.charCodeAt(h) !== SPACE && text.charCodeAt(h) !== HASH) h++;
  const header = text.slice(i, h);
  if (!BLOCK_HEADER.test(header)) return -1;
  const keep = header.includes('+');
  const digit = /[1-9]/.exec(header);
  const explicit = digit ? Number(digit[0]) - 1 : -1;
  out.add(tok.HDR, i, h - i);
  // Spaces, then a comment after a space, or the line end.
  const after = spacesEnd(text, h, eol);
  if (after > h) out.add(tok.SP, h, after - h);
  if (after < eol) {
    if (after === h || text.charCodeAt(after) !== HASH) return -1;
    out.add(tok.CM, after, eol - after);
  }
  if (eol < n) out.add(tok.NL, eol, 1);
  const start = eol < n ? eol + 1 : n;
  // Blank lines, up to the first line with content: its indentation.
  let nl = start - 1;
  let indent = 0;
  for (let k = start; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c === SPACE) indent++;
    else if (c === NEWLINE) {
      nl = k;
      indent = 0;
    } else break;
  }
  if (indent >= indentNext) {
    // The body runs on while lines are blank or indented at least `least`.
    const least = explicit < 0 ? indent : explicit + indentNext;
    do {
      const next = bodyLineContent(text, nl + 1, least);
      if (next < 0) break;
      nl = text.indexOf('\n', next);
    } while (nl !== -1);
    if (nl === -1) nl = n;
  }
  if (!keep) {
    // Trailing lines of at most `indent` spaces are not the body's.
    for (;;) {
      const last = nl - 1;
      let k = last;
      while (text.charCodeAt(k) === SPACE) k--;
      if (k >= start && text.charCodeAt(k) === NEWLINE && k + 1 + indent > last) nl = k;
      else break;
    }
  }
  out.scalar(start);
  return nl + 1;
}

/**
 * Where the content of the line starting at `i` begins, when the line belongs to a block scalar
 * body (blank, or indented at least `least`); -1 when it does not.
 */
function bodyLineContent(text: string, i: number, least: number): number {
  let k = i;
  while (text.charCodeAt(k) === SPACE) k++;
  return text.charCodeAt(k) === NEWLINE || k - i >= least ? k : -1;
}

/**
 * Read a flow list of plain and quoted scalars opening at `i` and closing on its line into `out`.
 * @returns the index after its `]`, or -1 to give up (nested, multi-line, a flow mapping, ...)
 */
function scanFlowList(text: string, i: number, eol: number, out: tok.Tokens): number {
  out.add(tok.OPEN, i, 1);
  let j = i + 1;
  for (;;) {
    const s = spacesEnd(text, j, eol);
    if (s > j) out.add(tok.SP, j, s - j);
    if (s === eol) return -1;
    const c = text.charCodeAt(s);
    if (c === CLOSE) {
      out.add(tok.CLOSE, s, 1);
      return s + 1;
    }
    if (c === COMMA) {
      out.add(tok.COMMA, s, 1);
      j = s + 1;
      continue;
    }
    if (c === DOUBLE || c === SINGLE) {
      const close = c === DOUBLE ? doubleQuoteEnd(text, s, eol) : singleQuoteEnd(text, s, eol);
      if (close < 0) return -1;
      out.add(c === DOUBLE ? tok.DQ : tok.SQ, s, close + 1 - s);
      j = close + 1;
    } else {
      if (NOT_PLAIN_START.has(c)) return -1;
      j = flowPlainEnd(text, s, eol);
      if (j < 0) return -1;
      out.scalar(s);
    }
    // An item is followed by a `,` or the `]` (after spaces); a `:` would make it a key.
    const k = spacesEnd(text, j, eol);
    const next = text.charCodeAt(k);
    if (k === eol || (next !== COMMA && next !== CLOSE)) return -1;
  }
}

/**
 * End of a plain scalar in a flow list, starting at `i` (at a flow indicator, or at the spaces
 * before one); -1 to give up (at a `:` that makes it a key, a comment, or the line end).
 */
function flowPlainEnd(text: string, i: number, eol: number): number {
  let last = i - 1;
  for (let j = i; j < eol; j++) {
    const c = text.charCodeAt(j);
    if (c === COLON) {
      const next = text.charCodeAt(j + 1);
      if (j + 1 === eol || next === SPACE || FLOW_INDICATORS.has(next)) return -1;
      last = j;
    } else if (c === SPACE) {
      const next = text.charCodeAt(j + 1);
      if (next === HASH) return -1;
      if (FLOW_INDICATORS.has(next)) return last + 1;
    } else if (FLOW_INDICATORS.has(c)) return last + 1;
    else last = j;
  }
  return -1;
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

/**
 * The tokens of `text`: from {@link quickLex} for the plain notices, else from yaml's lexer
 * (which gives up on what the fast path does not read).
 * @param into a list to reuse (its arrays are kept)
 */
export function tokenize(text: string, into = new tok.Tokens()): tok.Tokens {
  return quickLex(text, into.reset(text)) ? into : tok.lexerTokens(text, into);
}
