/**
 * The fast path of the loader: plain data straight from yaml's concrete syntax tree (CST), without
 * composing a Document. Composing is about a third of the time it takes to read a notice and most
 * of its memory, and a valid notice only needs the data; positions are wanted only when there is
 * something to report, and then the full Document is composed after all.
 *
 * It is deliberately narrow: it accepts the YAML notices are written in (block mappings and
 * lists, plain, quoted and block scalars, one-line flow lists of scalars, comments) and gives up
 * (returns undefined) on anything else or anything doubtful: anchors, aliases, tags, directives,
 * `---`, explicit keys, flow mappings, tabs in indentation, duplicate or forbidden keys, suspicious
 * escapes, deep nesting, and every condition under which yaml's composer would report an error or
 * warning. Giving up costs nothing but time: the caller then takes the full path, which reports
 * what is wrong with a position. A test holds the two paths to the same data on every fixture and
 * on thousands of mutated notices.
 */
import { CST, Parser } from 'yaml';

type Token = CST.Token;
type SourceToken = CST.SourceToken;

/** Thrown inside the walk to give up; never escapes {@link readPlainYaml}. */
const GIVE_UP = Symbol('give up');

/** Keys never taken (they would touch an object's prototype) or that yaml gives a meaning (`<<`). */
const REFUSED_KEYS = new Set(['__proto__', 'constructor', 'prototype', '<<']);

// Characters a double-quoted escape can write that the check of the raw text would not see.
const SUSPICIOUS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF\uD800-\uDFFF]/;

/**
 * Read `text` into plain data the way `YAML.parseDocument(text, { version: '1.2', schema: 'core',
 * stringKeys: true, strict: true }).toJS()` would, or give up.
 * @param text YAML source, BOM removed, already checked for control and hidden characters
 * @param onNewLine called with the offset of each line start (a LineCounter's `addNewLine`)
 * @param maxDepth deepest nesting accepted (deeper input is left to the full path)
 * @returns the data (a mapping at the top), or undefined to take the full path
 */
export function readPlainYaml(text: string, onNewLine: (offset: number) => void, maxDepth: number): Record<string, unknown> | undefined {
  let doc: CST.Document | undefined;
  for (const token of new Parser(onNewLine).parse(text)) {
    // One document, comments and blank lines around it; no directives, no `...`, no errors,
    // no second document.
    if (token.type === 'comment' || token.type === 'newline' || token.type === 'space') continue;
    if (token.type !== 'document' || doc) return undefined;
    doc = token;
  }
  if (!doc || doc.value?.type !== 'block-map') return undefined;
  try {
    // Before the mapping: blank lines and comments only (no `---`).
    separators(doc.start, true, undefined);
    if (doc.end) separators(doc.end, false, undefined);
    return blockMap(doc.value, 1, maxDepth);
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

function giveUp(): never {
  throw GIVE_UP;
}

/**
 * Check a run of separating tokens: spaces (no tabs), newlines, comments with white space before
 * them, and at most the one indicator given (which must then be there). Anything else gives up.
 * @returns whether a newline was among them
 */
function separators(tokens: readonly SourceToken[], atLineStart: boolean, indicator: SourceToken['type'] | undefined): boolean {
  let hasSpace = atLineStart;
  let found = indicator === undefined;
  let newline = false;
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
        if (token.source.includes('\t')) giveUp();
        hasSpace = true;
        break;
      case 'newline':
        hasSpace = true;
        newline = true;
        break;
      case 'comment':
        if (!hasSpace) giveUp();
        break;
      default:
        if (token.type !== indicator || found) giveUp();
        found = true;
        hasSpace = false;
    }
  }
  if (!found) giveUp();
  return newline;
}

function blockMap(map: CST.BlockMap, depth: number, maxDepth: number): Record<string, unknown> {
  if (depth > maxDepth) giveUp();
  const out: Record<string, unknown> = {};
  for (const item of map.items) {
    if (item.explicitKey) giveUp();
    const { start, key, sep, value } = item;
    if (!sep) {
      // An item with neither key nor `:` holds comments only.
      if (key !== undefined || value !== undefined) giveUp();
      separators(start, true, undefined);
      continue;
    }
    separators(start, true, undefined);
    if (!key || (key.type !== 'scalar' && key.type !== 'single-quoted-scalar' && key.type !== 'double-quoted-scalar')) giveUp();
    // An implicit key: on one line, in the mapping's column, at most 1024 characters before `:`.
    if (key.indent !== map.indent || key.source.includes('\n')) giveUp();
    if (key.end) for (const t of key.end) if (t.type !== 'space' || t.source.includes('\t')) giveUp();
    const name = scalarText(key);
    if (REFUSED_KEYS.has(name) || Object.hasOwn(out, name)) giveUp();
    const newline = separators(sep, false, 'map-value-ind');
    // An implicit key may be at most 1024 characters long (giving up a little earlier is safe).
    let colon = 0;
    for (const t of sep) if (t.type === 'map-value-ind') colon = t.offset;
    if (colon - key.offset > 1000) giveUp();
    // `a: b: c` (a mapping on the key's line) is an error.
    if (value?.type === 'block-map' && !newline) giveUp();
    out[name] = node(value, depth + 1, maxDepth);
  }
  return out;
}

function blockSeq(seq: CST.BlockSequence, depth: number, maxDepth: number): unknown[] {
  if (depth > maxDepth) giveUp();
  const out: unknown[] = [];
  for (const { start, value } of seq.items) {
    if (!start.some((t) => t.type === 'seq-item-ind')) {
      // Comments only.
      if (value !== undefined) giveUp();
      separators(start, true, undefined);
      continue;
    }
    separators(start, true, 'seq-item-ind');
    out.push(node(value, depth + 1, maxDepth));
  }
  return out;
}

/** A one-line flow list of scalars, `[a, b, "c"]`; anything richer gives up. */
function flowSeq(flow: CST.FlowCollection, depth: number, maxDepth: number): unknown[] {
  if (depth > maxDepth || flow.start.type !== 'flow-seq-start') giveUp();
  const out: unknown[] = [];
  flow.items.forEach((item, i) => {
    if (item.key !== undefined || item.sep !== undefined) giveUp();
    let commas = 0;
    for (const t of item.start) {
      if (t.type === 'comma') commas++;
      else if (t.type !== 'space' || t.source.includes('\t')) giveUp();
    }
    if (commas !== (i === 0 ? 0 : 1)) giveUp();
    const value = item.value;
    if (!value || (value.type !== 'scalar' && value.type !== 'single-quoted-scalar' && value.type !== 'double-quoted-scalar')) giveUp();
    if (value.source.includes('\n')) giveUp();
    if (value.end) for (const t of value.end) if (t.type !== 'space' || t.source.includes('\t')) giveUp();
    out.push(scalar(value));
  });
  const [close, ...rest] = flow.end;
  if (close?.type !== 'flow-seq-end') giveUp();
  // After `]`: white space, a comment after a space, the line end.
  separators(rest, false, undefined);
  return out;
}

function node(token: Token | undefined, depth: number, maxDepth: number): unknown {
  if (depth > maxDepth) giveUp();
  if (!token) return null;
  switch (token.type) {
    case 'block-map':
      return blockMap(token, depth, maxDepth);
    case 'block-seq':
      return blockSeq(token, depth, maxDepth);
    case 'flow-collection':
      return flowSeq(token, depth, maxDepth);
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
      // After a flow scalar: white space, a comment after a space, line ends.
      if (token.end) separators(token.end, false, undefined);
      return scalar(token);
    case 'block-scalar':
      if (token.props.some((t) => t.type !== 'block-scalar-header' && t.type !== 'space' && t.type !== 'newline' && t.type !== 'comment')) giveUp();
      return scalarText(token);
    default:
      // Aliases, errors and anything unforeseen.
      return giveUp();
  }
}

/** Characters a plain scalar may not start with (yaml reports BAD_SCALAR_START). */
const BAD_PLAIN_START = new Set(['\t', ',', '%', '|', '>', '@', '`']);

/** The string a scalar writes, exactly as yaml resolves it; gives up on any error or odd escape. */
function scalarText(token: CST.FlowScalar | CST.BlockScalar): string {
  if (token.type === 'scalar' && !token.source.includes('\n')) {
    // A one-line plain scalar is its source (what yaml's unfoldLines returns for it); most are.
    if (BAD_PLAIN_START.has(token.source[0] ?? '')) giveUp();
    return token.source;
  }
  const resolved = CST.resolveAsScalar(token, true, giveUp);
  if (token.type === 'double-quoted-scalar' && SUSPICIOUS.test(resolved.value)) giveUp();
  return resolved.value;
}

/** A scalar value with the YAML 1.2 core schema's types (null, booleans, numbers) for plain scalars. */
function scalar(token: CST.FlowScalar): unknown {
  const text = scalarText(token);
  if (token.type !== 'scalar') return text;
  return coreValue(text);
}

/**
 * What the YAML 1.2 core schema makes of a plain scalar, in the order yaml tries its tags:
 * null, bool, octal, decimal and hex integers, infinities and NaN, exponent floats, floats.
 */
export function coreValue(text: string): unknown {
  const c = text.charCodeAt(0);
  // Letters other than n/N/t/T/f/F, and most other first characters, can only start a string.
  if (text.length > 0 && c !== 0x7e && c !== 0x2b && c !== 0x2d && c !== 0x2e && !(c >= 0x30 && c <= 0x39) && !'nNtTfF'.includes(text[0]!)) return text;
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
