/**
 * The fast path's scalars: plain, quoted and folded text resolved by yaml's own functions (but
 * the plainest multi-line plain scalars, folded here), and what the YAML 1.2 core schema makes of
 * a plain scalar.
 */
import { cst } from './yaml-lib.js';
import { holdsHiddenCharacter } from '../notice/characters.js';
import { DQ, giveUp, PLAIN, type Tokens } from './plain-yaml-tokens.js';

/** The value of the plain or quoted scalar token `i`: core-schema types for plain ones. */
export function scalarValue(toks: Tokens, i: number): unknown {
  const source = toks.source(i);
  if (toks.kind[i] === PLAIN) return coreValue(plainText(source, toks.start[i]!, toks.ind[i]!));
  return scalarText(toks, i, source);
}

/**
 * Plain scalars starting with an indicator character are left to yaml (some are errors, some
 * are not scalars at all); the rest are their source on one line, or folded as yaml folds them.
 * @param offset where the scalar starts, and `indent` the indentation yaml records for it
 */
export function plainText(source: string, offset: number, indent: number): string {
  // A negative number is the one plain scalar starting with an indicator that notices may hold.
  if (INDICATOR_START.has(source[0] ?? '') && !/^-[0-9.]/.test(source)) giveUp();
  if (!source.includes('\n')) return source;
  return foldLines(source) ?? cst().resolveAsScalar({ type: 'scalar', offset, indent, source }, true, giveUp).value;
}

/**
 * A multi-line plain scalar folded as yaml folds it when no line of it is blank: its lines with
 * the spaces around them removed, joined by spaces. Undefined for anything else (a blank line,
 * which folds to a line break; a tab or CR): yaml folds those.
 */
export function foldLines(source: string): string | undefined {
  if (source.includes('\t') || source.includes('\r')) return undefined;
  let out = '';
  let start = 0;
  for (;;) {
    const nl = source.indexOf('\n', start);
    let from = start;
    let to = nl < 0 ? source.length : nl;
    while (from < to && source.charCodeAt(from) === 0x20) from++;
    while (to > from && source.charCodeAt(to - 1) === 0x20) to--;
    if (from === to) return undefined;
    out = start === 0 ? source.slice(from, to) : `${out} ${source.slice(from, to)}`;
    if (nl < 0) return out;
    start = nl + 1;
  }
}

/** The string of quoted scalar token `i`, exactly as yaml resolves it; gives up on any error or odd escape. */
export function scalarText(toks: Tokens, i: number, source = toks.source(i)): string {
  const double = toks.kind[i] === DQ;
  const value = cst().resolveAsScalar({ type: double ? 'double-quoted-scalar' : 'single-quoted-scalar', offset: toks.start[i]!, indent: toks.ind[i]!, source }, true, giveUp).value;
  // What an escape writes that the check of the raw text never saw: the full path reports it.
  if (double && holdsHiddenCharacter(value)) giveUp();
  return value;
}

/** First characters that make a plain scalar doubtful (YAML indicators). */
const INDICATOR_START = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '\t']);

/**
 * What the YAML 1.2 core schema makes of a plain scalar, in the order yaml tries its tags:
 * null, bool, octal, decimal and hex integers, infinities and NaN, exponent floats, floats.
 */
export function coreValue(text: string): unknown {
  const c = text.charCodeAt(0);
  // Letters other than n/N/t/T/f/F, and most other first characters, can only start a string.
  if (text.length > 0 && c !== 0x7e && c !== 0x2b && c !== 0x2d && c !== 0x2e && !(c >= 0x30 && c <= 0x39) && !'nNtTfF'.includes(text[0]!)) return text;
  // Of those, n/N/t/T/f/F start only null and the booleans, five letters at most.
  if (text.length > 5 && !(c === 0x7e || c === 0x2b || c === 0x2d || c === 0x2e || (c >= 0x30 && c <= 0x39))) return text;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(text)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text)) return text[0] === 't' || text[0] === 'T';
  if (/^0o[0-7]+$/.test(text)) return Number.parseInt(text.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(text)) return Number.parseInt(text, 10);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return Number.parseInt(text.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text)) return text.slice(-3).toLowerCase() === 'nan' ? Number.NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text)) return Number.parseFloat(text);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)) return Number.parseFloat(text);
  return text;
}
