/**
 * The fast path's tokens: yaml's lexer output classified and positioned, with the indentation
 * yaml's parser would record; and the one way the fast path gives up.
 *
 * A token list is three typed arrays (kind, offset, indentation), not an object and a string per
 * token: a notice has thousands of tokens, and allocating them was most of the loader's garbage.
 * Tokens are contiguous (yaml's lexer yields the text in pieces, plus zero-width markers that are
 * not kept here), so a token ends where the next one starts and its source is a slice of the text.
 */
import { cst, lexer } from './yaml-lib.js';

/** Thrown inside the walk to give up; never escapes {@link readPlainYaml}. */
export const GIVE_UP = Symbol('give up');

/** Give up on the fast path (caught by readPlainYaml). */
export function giveUp(): never {
  throw GIVE_UP;
}

/** Token kinds. `END` is what {@link Tokens.kindAt} answers outside the list. */
export const END = 0;
export const NL = 1;
export const SP = 2;
export const CM = 3;
export const COLON = 4;
export const DASH = 5;
/** A plain scalar. */
export const PLAIN = 6;
export const SQ = 7;
export const DQ = 8;
/** A block scalar's header (`|-`) and its body. */
export const HDR = 9;
export const BODY = 10;
export const OPEN = 11;
export const CLOSE = 12;
export const COMMA = 13;

/**
 * A token list, filled by {@link Tokens.add} and {@link Tokens.scalar} in text order. It tracks
 * the indentation the way yaml's parser does (leading spaces and indicators of a line), which
 * block scalars need, and tells a block scalar's body from a plain scalar as the parser would.
 */
export class Tokens {
  text = '';
  count = 0;
  kind = new Uint8Array(1024);
  start = new Int32Array(1024);
  ind = new Int32Array(1024);
  private indent = 0;
  private atNewLine = true;
  /** A block scalar header was seen and its body (the next scalar after the line end) is due. */
  private bodyDue = false;

  /** Empty the list for `text` (the arrays are kept for the next notice). */
  reset(text: string): this {
    this.text = text;
    this.count = 0;
    this.indent = 0;
    this.atNewLine = true;
    this.bodyDue = false;
    return this;
  }

  /** Append a token that is not a scalar after yaml's scalar marker. */
  add(k: number, offset: number, length: number): void {
    this.push(k, offset);
    if (k === NL) {
      this.atNewLine = true;
      this.indent = 0;
    } else if (k === SP) {
      if (this.atNewLine) this.indent += length;
    } else if (k === DASH || k === COLON) {
      if (this.atNewLine) this.indent += length;
    } else this.atNewLine = false;
    if (k !== HDR && k !== SP && k !== CM && k !== NL) this.bodyDue = false;
    else if (k === HDR) this.bodyDue = true;
  }

  /** Append the scalar that follows yaml's scalar marker: a plain scalar or a block scalar's body. */
  scalar(offset: number): void {
    const body = this.bodyDue && this.count > 0 && this.kind[this.count - 1] === NL;
    this.bodyDue = false;
    this.atNewLine = false;
    this.push(body ? BODY : PLAIN, offset);
    // A body runs to the end of its last line.
    if (body) {
      this.atNewLine = true;
      this.indent = 0;
    }
  }

  /** Kind of token `i`, or {@link END} outside the list. */
  kindAt(i: number): number {
    return i >= 0 && i < this.count ? this.kind[i]! : END;
  }

  /** Offset where token `i` ends. */
  end(i: number): number {
    return i + 1 < this.count ? this.start[i + 1]! : this.text.length;
  }

  /** Source of token `i`. */
  source(i: number): string {
    return this.text.slice(this.start[i]!, this.end(i));
  }

  private push(k: number, offset: number): void {
    if (this.count === this.kind.length) this.grow();
    this.kind[this.count] = k;
    this.start[this.count] = offset;
    this.ind[this.count] = this.indent;
    this.count++;
  }

  private grow(): void {
    const size = this.kind.length * 2;
    const kind = new Uint8Array(size);
    kind.set(this.kind);
    const start = new Int32Array(size);
    start.set(this.start);
    const ind = new Int32Array(size);
    ind.set(this.ind);
    this.kind = kind;
    this.start = start;
    this.ind = ind;
  }
}

/** The tokens of yaml's lexer for `text`, classified (gives up on what the fast path does not read). */
export function lexerTokens(text: string, into = new Tokens()): Tokens {
  const toks = into.reset(text);
  let offset = 0;
  let atScalar = false;
  for (const s of new (lexer())().lex(text)) {
    if (atScalar) {
      atScalar = false;
      toks.scalar(offset);
      offset += s.length;
      continue;
    }
    let k: number;
    switch (cst().tokenType(s)) {
      case 'doc-mode':
        continue;
      case 'scalar':
        // Zero-width marker before a plain scalar or a block scalar's body.
        atScalar = true;
        continue;
      case 'newline':
        k = NL;
        break;
      case 'space':
        if (s.includes('\t')) giveUp();
        k = SP;
        break;
      case 'comment':
        k = CM;
        break;
      case 'seq-item-ind':
        k = DASH;
        break;
      case 'map-value-ind':
        k = COLON;
        break;
      case 'single-quoted-scalar':
        k = SQ;
        break;
      case 'double-quoted-scalar':
        k = DQ;
        break;
      case 'block-scalar-header':
        k = HDR;
        break;
      case 'flow-seq-start':
        k = OPEN;
        break;
      case 'flow-seq-end':
        k = CLOSE;
        break;
      case 'comma':
        k = COMMA;
        break;
      default:
        return giveUp();
    }
    toks.add(k, offset, s.length);
    offset += s.length;
  }
  return toks;
}
