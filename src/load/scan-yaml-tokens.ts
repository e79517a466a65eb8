/**
 * Token-level scans of YAML text with yaml's Lexer, which is linear and never recurses. They find
 * what the composed Document does not keep (where an anchor, tag or directive was written) and
 * bound the nesting depth before the (recursive, and on deep input very slow) parser runs.
 */
import { cst, lexer } from './yaml-lib.js';

/** One lexical token with its 0-based offset in the text. */
export interface YamlToken {
  /** Token type as named by yaml's `CST.tokenType` (`anchor`, `tag`, `flow-seq-start`, ...). */
  type: string;
  /** 0-based offset of the token's first character. */
  offset: number;
  /** The token's source text. */
  source: string;
}

/**
 * Call `visit` for every lexical token of `text`, in order; stop early when it returns false.
 * @param text the YAML source (BOM already removed)
 * @param visit receives each token; return `false` to stop scanning
 */
export function scanYamlTokens(text: string, visit: (token: YamlToken) => boolean | void): void {
  let offset = 0;
  for (const source of new (lexer())().lex(text)) {
    const type = cst().tokenType(source) ?? 'scalar-source';
    // doc-mode, flow-error-end and the scalar marker are control tokens with no source characters.
    const width = type === 'doc-mode' || type === 'flow-error-end' || type === 'scalar' ? 0 : source.length;
    if (visit({ type, offset, source }) === false) return;
    offset += width;
  }
}

/** Flow brackets in a file up to which yaml's parser is fast and safe however they nest. */
const SAFE_BRACKETS = 256;
/** Block indicators on one line (`- - - x`) up to which the same holds. */
const SAFE_CHAIN = 64;
const CHAIN = new RegExp(`(?:^|\\n)[ \\t]*(?:[-?][ \\t]+){${SAFE_CHAIN}}`);

/**
 * Cheap test whether `text` could be nested deeply enough to trouble yaml's parser (it slows down
 * sharply on thousands of nested `[`, and tens of thousands exhaust memory). Only then is
 * {@link findDeepNesting} worth running before parsing; below these bounds the node walk after
 * parsing enforces the nesting limit exactly.
 * @param text the YAML source
 */
export function mayNestTooDeeply(text: string): boolean {
  // indexOf scans natively, far faster than a loop over every character.
  let brackets = 0;
  for (const open of ['[', '{']) {
    for (let i = text.indexOf(open); i >= 0; i = text.indexOf(open, i + 1)) if (++brackets > SAFE_BRACKETS) return true;
  }
  // A chain of 64 indicators holds a run of four, which is rare: test for that first.
  return FOUR_IN_A_ROW.test(text) && CHAIN.test(text);
}

const FOUR_IN_A_ROW = /[-?][ \t]+[-?][ \t]+[-?][ \t]+[-?][ \t]/;

/**
 * Find where the nesting of `text` first exceeds `max`, counting a lower bound of the real depth:
 * open flow collections (`[`, `{`) plus block indicators (`- `, `? `) that open a nested collection
 * on the same line. Runs in linear time however deep the input, so it can guard the parser.
 * @param text the YAML source
 * @param max deepest nesting allowed
 * @returns 0-based offset of the token that goes too deep, or undefined
 */
export function findDeepNesting(text: string, max: number): number | undefined {
  let flow = 0;
  let compact = 0;
  let found: number | undefined;
  scanYamlTokens(text, ({ type, offset }) => {
    switch (type) {
      case 'flow-seq-start':
      case 'flow-map-start':
        flow++;
        break;
      case 'flow-seq-end':
      case 'flow-map-end':
        if (flow > 0) flow--;
        break;
      case 'flow-error-end':
      case 'doc-start':
      case 'doc-end':
        flow = 0;
        break;
      case 'newline':
        compact = 0;
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
        if (flow === 0) compact++;
        break;
      default:
        return true;
    }
    if (flow + compact > max) {
      found = offset;
      return false;
    }
    return true;
  });
  return found;
}

/** Offsets of the props and markers a composed Document does not position. */
export interface PropTokens {
  /** `&name` tokens. */
  anchors: YamlToken[];
  /** `!tag` tokens. */
  tags: YamlToken[];
  /** `%YAML` / `%TAG` / other directive lines. */
  directives: YamlToken[];
  /** Quoted scalars that are never closed. */
  unclosedQuotes: YamlToken[];
  /** For each flow collection left open at a line that ends it: offset of its outermost `[` or `{`. */
  unclosedFlows: number[];
}

/**
 * Collect anchors, tags, directives, unclosed quotes and unclosed flow collections, with offsets.
 * @param text the YAML source
 */
export function findPropTokens(text: string): PropTokens {
  const found: PropTokens = { anchors: [], tags: [], directives: [], unclosedQuotes: [], unclosedFlows: [] };
  const open: number[] = [];
  scanYamlTokens(text, (token) => {
    switch (token.type) {
      case 'anchor':
        found.anchors.push(token);
        break;
      case 'tag':
        found.tags.push(token);
        break;
      case 'directive-line':
        found.directives.push(token);
        break;
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        if (!isClosedQuote(token.source)) found.unclosedQuotes.push(token);
        break;
      case 'flow-seq-start':
      case 'flow-map-start':
        open.push(token.offset);
        break;
      case 'flow-seq-end':
      case 'flow-map-end':
        open.pop();
        break;
      case 'flow-error-end':
      case 'doc-start':
      case 'doc-end':
        if (open.length > 0) found.unclosedFlows.push(open[0]!);
        open.length = 0;
        break;
    }
  });
  if (open.length > 0) found.unclosedFlows.push(open[0]!);
  return found;
}

/**
 * The last token in `tokens` (sorted by offset) that starts at or before `offset`.
 * @param tokens tokens in source order
 * @param offset 0-based offset to look back from
 * @param accept optional filter
 */
export function lastTokenBefore(tokens: readonly YamlToken[], offset: number, accept?: (t: YamlToken) => boolean): YamlToken | undefined {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.offset <= offset) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) if (!accept || accept(tokens[i]!)) return tokens[i];
  return undefined;
}

function isClosedQuote(source: string): boolean {
  const quote = source[0]!;
  if (source.length < 2) return false;
  if (quote === "'") return source.slice(1).replace(/''/g, '').endsWith("'");
  if (!source.endsWith('"')) return false;
  let backslashes = 0;
  for (let i = source.length - 2; i > 0 && source[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}
