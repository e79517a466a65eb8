/**
 * The fast path of the loader: plain data straight from yaml's lexer tokens, without yaml's parser
 * (which builds a concrete syntax tree) or composer (which builds a Document). Those two are more
 * than half the time it takes to read a notice, and a valid notice only needs the data; positions
 * are wanted only when there is something to report, and then the full Document is composed.
 *
 * It is deliberately narrow: it accepts the YAML notices are written in (block mappings and
 * lists laid out by columns, plain, quoted and block scalars, one-line flow lists of scalars,
 * comments) and gives up (returns undefined) on anything else or anything doubtful: anchors,
 * aliases, tags, directives, `---`, explicit keys, flow mappings, tabs, keys out of column,
 * duplicate or forbidden keys, suspicious escapes, deep nesting, plain scalars starting with an
 * indicator, and every condition under which yaml would report an error or warning. Scalars are
 * resolved by yaml's own functions (`CST.resolveAsScalar`), so folding, escapes and chomping are
 * yaml's. Giving up costs nothing but time: the caller then takes the full path, which reports
 * what is wrong with a position. Tests hold the two paths to the same data, line table and
 * diagnostics on every fixture and on mutated notices (600 in the suite; 14,000 when it was
 * written, 5,200 of them read by this path, none different).
 */
import { CST } from 'yaml';
import { plainText, scalarText, scalarValue } from './plain-yaml-scalars.js';
import { GIVE_UP, giveUp, tokenize, type Tok } from './plain-yaml-tokens.js';

/** Keys never taken (they would touch an object's prototype) or that yaml gives a meaning (`<<`). */
const REFUSED_KEYS = new Set(['__proto__', 'constructor', 'prototype', '<<']);

/**
 * Read `text` into plain data the way `YAML.parseDocument(text, { version: '1.2', schema: 'core',
 * stringKeys: true, strict: true }).toJS()` would, or give up.
 * @param text YAML source, BOM removed, already checked for control and hidden characters
 * @param lineStarts offset of each line start, after each LF (the loader's line table)
 * @param maxDepth deepest nesting accepted (deeper input is left to the full path)
 * @returns the data (a mapping at the top), or undefined to take the full path
 */
export function readPlainYaml(text: string, lineStarts: readonly number[], maxDepth: number): Record<string, unknown> | undefined {
  // A lone CR is a line break to YAML, but not a line start in the table.
  if (/\r(?!\n)/.test(text)) return undefined;
  try {
    return new Reader(tokenize(text), lineStarts, maxDepth).document();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

/**
 * Block structure from the tokens, by columns: a mapping is keys in one column, a list is `-` in
 * one column, a value is on its key's line or on more indented lines below. Anything else gives up.
 */
class Reader {
  private i = 0;

  constructor(
    private readonly toks: Tok[],
    private readonly lineStarts: readonly number[],
    private readonly maxDepth: number,
  ) {}

  document(): Record<string, unknown> {
    const column = this.skipBlank();
    if (column < 0 || !this.atKey()) giveUp();
    const data = this.map(column, 1);
    if (this.skipBlank() >= 0) giveUp();
    return data;
  }

  /** Column (0-based) of a token. */
  private column(t: Tok): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= t.o) lo = mid;
      else hi = mid - 1;
    }
    return t.o - starts[lo]!;
  }

  /**
   * Move past blank lines, comment lines and indentation to the first content token of the next
   * line, and return its column (-1 at the end). Called at a line start or at that token.
   */
  private skipBlank(): number {
    const toks = this.toks;
    for (;;) {
      const t = toks[this.i];
      if (!t) return -1;
      if (t.k === 'nl' || t.k === 'sp') this.i++;
      else if (t.k === 'cm') {
        // A comment line: the comment starts the line, after indentation at most.
        const before = toks[this.i - 1];
        if (before && before.k !== 'nl' && !(before.k === 'sp' && (this.i < 2 || toks[this.i - 2]!.k === 'nl'))) giveUp();
        this.i++;
      } else return this.column(t);
    }
  }

  /** True at a key: a one-line scalar followed at once by `:`. */
  private atKey(): boolean {
    const t = this.toks[this.i];
    const next = this.toks[this.i + 1];
    return Boolean(t && (t.k === 'plain' || t.k === 'sq' || t.k === 'dq') && next?.k === 'colon' && next.o === t.o + t.s.length);
  }

  /** The rest of a line after a value: spaces, a comment after a space, the line end. */
  private endLine(): void {
    const toks = this.toks;
    let t = toks[this.i];
    if (t?.k === 'sp') {
      t = toks[++this.i];
      if (t?.k === 'cm') t = toks[++this.i];
    }
    if (!t) return;
    if (t.k !== 'nl') giveUp();
    this.i++;
  }

  /** A block mapping whose keys stand in `col`; the cursor is at its first key. */
  private map(col: number, depth: number): Record<string, unknown> {
    if (depth > this.maxDepth) giveUp();
    const out: Record<string, unknown> = {};
    for (;;) {
      if (!this.atKey()) giveUp();
      const key = this.toks[this.i]!;
      if (this.column(key) !== col || key.s.includes('\n')) giveUp();
      const name = key.k === 'plain' ? plainText(key.s) : scalarText(key);
      if (REFUSED_KEYS.has(name) || Object.hasOwn(out, name)) giveUp();
      // An implicit key may be at most 1024 characters long (giving up a little earlier is safe).
      if (key.s.length > 1000) giveUp();
      this.i += 2;
      out[name] = this.valueAfter(col, depth + 1, false);
      const next = this.skipBlank();
      if (next < col) return out;
      if (next > col) giveUp();
    }
  }

  /** A block list whose `-` stand in `col`; the cursor is at its first `-`. */
  private seq(col: number, depth: number): unknown[] {
    if (depth > this.maxDepth) giveUp();
    const out: unknown[] = [];
    for (;;) {
      const dash = this.toks[this.i]!;
      if (dash.k !== 'dash' || this.column(dash) !== col) giveUp();
      this.i++;
      out.push(this.valueAfter(col, depth + 1, true));
      const next = this.skipBlank();
      if (next < col) return out;
      if (next > col) giveUp();
      // Same column, not a `-`: the next key of the mapping this list is the value of.
      if (this.toks[this.i]!.k !== 'dash') return out;
    }
  }

  /**
   * The value after a key's `:` or a list item's `-` (the indicator stands in `col`): on the same
   * line, or below it, more indented (a list may also stand in the key's column).
   */
  private valueAfter(col: number, depth: number, listItem: boolean): unknown {
    if (depth > this.maxDepth) giveUp();
    const toks = this.toks;
    let t = toks[this.i];
    if (!t) return null;
    if (t.k === 'sp') {
      t = toks[++this.i];
      if (!t) return null;
      if (t.k === 'cm') t = toks[++this.i];
    } else if (t.k !== 'nl') giveUp();
    if (!t) return null;
    if (t.k === 'nl') {
      this.i++;
      return this.valueBelow(col, depth, listItem);
    }
    switch (t.k) {
      case 'plain':
      case 'sq':
      case 'dq':
        // `- key: value`: a mapping in a list item, its keys in this key's column.
        if (this.atKey()) {
          if (!listItem) giveUp(); // `a: b: c`
          return this.map(this.column(t), depth);
        }
        return this.lineScalar(t);
      case 'open':
        return this.lineFlow(depth);
      case 'hdr':
        return this.blockScalar(t);
      default:
        return giveUp();
    }
  }

  /** A value on the lines below its indicator, or null when none is more indented. */
  private valueBelow(col: number, depth: number, listItem: boolean): unknown {
    const next = this.skipBlank();
    if (next < 0) return null;
    const t = this.toks[this.i]!;
    if (next > col) {
      if (t.k === 'dash') return this.seq(next, depth);
      if (this.atKey()) return this.map(next, depth);
      if (t.k === 'plain' || t.k === 'sq' || t.k === 'dq') return this.lineScalar(t);
      if (t.k === 'open') return this.lineFlow(depth);
      return giveUp();
    }
    if (next === col && !listItem && t.k === 'dash') return this.seq(col, depth);
    return null;
  }

  /** A scalar that ends its line. */
  private lineScalar(t: Tok): unknown {
    this.i++;
    const value = scalarValue(t);
    this.endLine();
    return value;
  }

  /** A one-line flow list of scalars, `[a, b, "c"]`, ending its line. */
  private lineFlow(depth: number): unknown[] {
    if (depth + 1 > this.maxDepth) giveUp();
    const toks = this.toks;
    const out: unknown[] = [];
    this.i++;
    if (toks[this.i]?.k === 'sp') this.i++;
    if (toks[this.i]?.k === 'close') {
      this.i++;
      this.endLine();
      return out;
    }
    for (;;) {
      const t = toks[this.i];
      if (!t || (t.k !== 'plain' && t.k !== 'sq' && t.k !== 'dq') || t.s.includes('\n')) giveUp();
      out.push(scalarValue(t));
      this.i++;
      if (toks[this.i]?.k === 'sp') this.i++;
      const sep = toks[this.i];
      if (sep?.k === 'close') {
        this.i++;
        this.endLine();
        return out;
      }
      if (sep?.k !== 'comma') giveUp();
      this.i++;
      if (toks[this.i]?.k === 'sp') this.i++;
    }
  }

  /** A block scalar: header (no indentation indicator), line end, body. */
  private blockScalar(hdr: Tok): string {
    if (/[0-9]/.test(hdr.s)) giveUp();
    const toks = this.toks;
    const props: CST.SourceToken[] = [{ type: 'block-scalar-header', offset: hdr.o, indent: hdr.ind, source: hdr.s }];
    this.i++;
    let t = toks[this.i];
    if (t?.k === 'sp') {
      props.push({ type: 'space', offset: t.o, indent: t.ind, source: t.s });
      t = toks[++this.i];
      if (t?.k === 'cm') {
        props.push({ type: 'comment', offset: t.o, indent: t.ind, source: t.s });
        t = toks[++this.i];
      }
    }
    if (t?.k !== 'nl') giveUp();
    props.push({ type: 'newline', offset: t.o, indent: t.ind, source: t.s });
    const body = toks[++this.i];
    if (body?.k !== 'body') giveUp();
    this.i++;
    return CST.resolveAsScalar({ type: 'block-scalar', offset: hdr.o, indent: hdr.ind, props, source: body.s }, true, giveUp).value;
  }
}
