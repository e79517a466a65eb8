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
import type { CST } from 'yaml';
import { cst } from './yaml-lib.js';
import { tokenize } from './plain-yaml-lex.js';
import { plainText, scalarText, scalarValue } from './plain-yaml-scalars.js';
import { BODY, CLOSE, CM, COLON, COMMA, DASH, DQ, END, GIVE_UP, giveUp, HDR, NL, OPEN, PLAIN, SP, SQ, Tokens } from './plain-yaml-tokens.js';

/** Keys never taken (they would touch an object's prototype) or that yaml gives a meaning (`<<`). */
const REFUSED_KEYS = new Set(['__proto__', 'constructor', 'prototype', '<<']);

/** The token list every read fills (reads are synchronous, one at a time: its arrays are kept). */
const scratch = new Tokens();

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
    return new Reader(tokenize(text, scratch), lineStarts, maxDepth).document();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  } finally {
    // The kept list should not keep the text alive.
    scratch.reset('');
  }
}

/** True for the kinds of a one-line scalar that may be a key or a value. */
function isScalar(k: number): boolean {
  return k === PLAIN || k === SQ || k === DQ;
}

/**
 * Block structure from the tokens, by columns: a mapping is keys in one column, a list is `-` in
 * one column, a value is on its key's line or on more indented lines below. Anything else gives up.
 */
class Reader {
  /** The current token. */
  private i = 0;

  constructor(
    private readonly toks: Tokens,
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

  /** Kind of the token `ahead` of the current one (END past the last). */
  private kind(ahead = 0): number {
    return this.toks.kindAt(this.i + ahead);
  }

  /** Column (0-based) of token `t`. */
  private column(t: number): number {
    const offset = this.toks.start[t]!;
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return offset - starts[lo]!;
  }

  /**
   * Move past blank lines, comment lines and indentation to the first content token of the next
   * line, and return its column (-1 at the end). Called at a line start or at that token.
   */
  private skipBlank(): number {
    for (;;) {
      const k = this.kind();
      if (k === END) return -1;
      if (k === NL || k === SP) this.i++;
      else if (k === CM) {
        // A comment line: the comment starts the line, after indentation at most.
        const before = this.kind(-1);
        if (this.i > 0 && before !== NL && !(before === SP && (this.i < 2 || this.kind(-2) === NL))) giveUp();
        this.i++;
      } else return this.column(this.i);
    }
  }

  /** True at a key: a one-line scalar followed at once by `:` (tokens are contiguous). */
  private atKey(): boolean {
    return isScalar(this.kind()) && this.kind(1) === COLON;
  }

  /** The rest of a line after a value: spaces, a comment after a space, the line end. */
  private endLine(): void {
    let k = this.kind();
    if (k === SP) {
      this.i++;
      k = this.kind();
      if (k === CM) {
        this.i++;
        k = this.kind();
      }
    }
    if (k === END) return;
    if (k !== NL) giveUp();
    this.i++;
  }

  /** A block mapping whose keys stand in `col`; the cursor is at its first key. */
  private map(col: number, depth: number): Record<string, unknown> {
    if (depth > this.maxDepth) giveUp();
    const toks = this.toks;
    const out: Record<string, unknown> = {};
    for (;;) {
      if (!this.atKey()) giveUp();
      const key = this.i;
      const source = toks.source(key);
      if (this.column(key) !== col || source.includes('\n')) giveUp();
      const name = toks.kind[key] === PLAIN ? plainText(source, toks.start[key]!, toks.ind[key]!) : scalarText(toks, key, source);
      if (REFUSED_KEYS.has(name) || Object.hasOwn(out, name)) giveUp();
      // An implicit key may be at most 1024 characters long (giving up a little earlier is safe).
      if (source.length > 1000) giveUp();
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
      if (this.kind() !== DASH || this.column(this.i) !== col) giveUp();
      this.i++;
      out.push(this.valueAfter(col, depth + 1, true));
      const next = this.skipBlank();
      if (next < col) return out;
      if (next > col) giveUp();
      // Same column, not a `-`: the next key of the mapping this list is the value of.
      if (this.kind() !== DASH) return out;
    }
  }

  /**
   * The value after a key's `:` or a list item's `-` (the indicator stands in `col`): on the same
   * line, or below it, more indented (a list may also stand in the key's column).
   */
  private valueAfter(col: number, depth: number, listItem: boolean): unknown {
    if (depth > this.maxDepth) giveUp();
    let k = this.kind();
    if (k === END) return null;
    if (k === SP) {
      this.i++;
      k = this.kind();
      if (k === END) return null;
      if (k === CM) {
        this.i++;
        k = this.kind();
      }
    } else if (k !== NL) giveUp();
    if (k === END) return null;
    if (k === NL) {
      this.i++;
      return this.valueBelow(col, depth, listItem);
    }
    switch (k) {
      case PLAIN:
      case SQ:
      case DQ:
        // `- key: value`: a mapping in a list item, its keys in this key's column.
        if (this.atKey()) {
          if (!listItem) giveUp(); // `a: b: c`
          return this.map(this.column(this.i), depth);
        }
        return this.lineScalar();
      case OPEN:
        return this.lineFlow(depth);
      case HDR:
        return this.blockScalar();
      default:
        return giveUp();
    }
  }

  /** A value on the lines below its indicator, or null when none is more indented. */
  private valueBelow(col: number, depth: number, listItem: boolean): unknown {
    const next = this.skipBlank();
    if (next < 0) return null;
    const k = this.kind();
    if (next > col) {
      if (k === DASH) return this.seq(next, depth);
      if (this.atKey()) return this.map(next, depth);
      if (isScalar(k)) return this.lineScalar();
      if (k === OPEN) return this.lineFlow(depth);
      return giveUp();
    }
    if (next === col && !listItem && k === DASH) return this.seq(col, depth);
    return null;
  }

  /** The scalar at the cursor, which ends its line. */
  private lineScalar(): unknown {
    const value = scalarValue(this.toks, this.i++);
    this.endLine();
    return value;
  }

  /** A one-line flow list of scalars, `[a, b, "c"]`, ending its line. */
  private lineFlow(depth: number): unknown[] {
    if (depth + 1 > this.maxDepth) giveUp();
    const toks = this.toks;
    const out: unknown[] = [];
    this.i++;
    if (this.kind() === SP) this.i++;
    if (this.kind() === CLOSE) {
      this.i++;
      this.endLine();
      return out;
    }
    for (;;) {
      const t = this.i;
      if (!isScalar(this.kind()) || toks.source(t).includes('\n')) giveUp();
      out.push(scalarValue(toks, t));
      this.i++;
      if (this.kind() === SP) this.i++;
      const sep = this.kind();
      if (sep === CLOSE) {
        this.i++;
        this.endLine();
        return out;
      }
      if (sep !== COMMA) giveUp();
      this.i++;
      if (this.kind() === SP) this.i++;
    }
  }

  /** A block scalar: header (no indentation indicator), line end, body. */
  private blockScalar(): string {
    const toks = this.toks;
    const hdr = this.i;
    const header = toks.source(hdr);
    if (/[0-9]/.test(header)) giveUp();
    const token = (i: number, type: CST.SourceToken['type']): CST.SourceToken => ({ type, offset: toks.start[i]!, indent: toks.ind[i]!, source: toks.source(i) });
    const props: CST.SourceToken[] = [token(hdr, 'block-scalar-header')];
    this.i++;
    let k = this.kind();
    if (k === SP) {
      props.push(token(this.i++, 'space'));
      k = this.kind();
      if (k === CM) {
        props.push(token(this.i++, 'comment'));
        k = this.kind();
      }
    }
    if (k !== NL) giveUp();
    props.push(token(this.i++, 'newline'));
    if (this.kind() !== BODY) giveUp();
    const body = this.i++;
    return cst().resolveAsScalar({ type: 'block-scalar', offset: toks.start[hdr]!, indent: toks.ind[hdr]!, props, source: toks.source(body) }, true, giveUp).value;
  }
}
