/**
 * The fast path's tokens: yaml's lexer output classified and positioned, with the indentation
 * yaml's parser would record; and the one way the fast path gives up.
 */
import { CST, Lexer } from 'yaml';
import { quickLex } from './plain-yaml-lex.js';

/** Thrown inside the walk to give up; never escapes {@link readPlainYaml}. */
export const GIVE_UP = Symbol('give up');

/** A lexical token: kind, source, offset, and the indentation yaml's parser would record for it. */
export interface Tok {
  k: 'nl' | 'sp' | 'cm' | 'colon' | 'dash' | 'plain' | 'sq' | 'dq' | 'hdr' | 'body' | 'open' | 'close' | 'comma';
  s: string;
  o: number;
  ind: number;
}

/** Give up on the fast path (caught by readPlainYaml). */
export function giveUp(): never {
  throw GIVE_UP;
}

/**
 * yaml's lexer (or, for the plainest notices, {@link quickLex}, which yields the same tokens
 * faster), with its tokens classified and positioned, and the indentation tracked the way
 * yaml's parser tracks it (leading spaces and indicators of a line), which block scalars need.
 * Anything outside the subset (anchors, tags, aliases, directives, document markers, flow
 * mappings, explicit keys, tabs, errors) gives up here.
 */
export function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let offset = 0;
  let indent = 0;
  let atNewLine = true;
  let atScalar = false;
  // A block scalar header was seen and its body (the next scalar after the line end) is due.
  let bodyDue = false;
  for (const s of quickLex(text) ?? new Lexer().lex(text)) {
    if (atScalar) {
      atScalar = false;
      const body = bodyDue && toks[toks.length - 1]?.k === 'nl';
      bodyDue = false;
      toks.push({ k: body ? 'body' : 'plain', s, o: offset, ind: indent });
      if (body) {
        // The body runs to the end of its last line.
        atNewLine = true;
        indent = 0;
      }
      offset += s.length;
      continue;
    }
    const type = CST.tokenType(s);
    let k: Tok['k'];
    switch (type) {
      case 'doc-mode':
        continue;
      case 'scalar':
        // Zero-width marker before a plain scalar or a block scalar's body.
        atNewLine = false;
        atScalar = true;
        continue;
      case 'newline':
        k = 'nl';
        break;
      case 'space':
        if (s.includes('\t')) giveUp();
        k = 'sp';
        break;
      case 'comment':
        k = 'cm';
        break;
      case 'seq-item-ind':
        k = 'dash';
        break;
      case 'map-value-ind':
        k = 'colon';
        break;
      case 'single-quoted-scalar':
        k = 'sq';
        break;
      case 'double-quoted-scalar':
        k = 'dq';
        break;
      case 'block-scalar-header':
        k = 'hdr';
        bodyDue = true;
        break;
      case 'flow-seq-start':
        k = 'open';
        break;
      case 'flow-seq-end':
        k = 'close';
        break;
      case 'comma':
        k = 'comma';
        break;
      default:
        return giveUp();
    }
    toks.push({ k, s, o: offset, ind: indent });
    if (k === 'nl') {
      atNewLine = true;
      indent = 0;
    } else if (k === 'sp') {
      if (atNewLine && s[0] === ' ') indent += s.length;
    } else if (k === 'dash' || k === 'colon') {
      if (atNewLine) indent += s.length;
    } else atNewLine = false;
    if (k !== 'hdr' && k !== 'sp' && k !== 'cm' && k !== 'nl') bodyDue = false;
    offset += s.length;
  }
  return toks;
}
