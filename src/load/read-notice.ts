/**
 * Read a notice file: bytes -> checked UTF-8 text -> one YAML document with positions.
 * Every hostile construct (aliases, tags, directives, merge keys, prototype keys, deep nesting,
 * invisible control characters) becomes a positioned diagnostic; nothing here throws on bad input.
 */
import { closeSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import YAML, { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
import type { Diagnostic, Severity } from '../diagnostics.js';
import { CONTROL, HIDDEN_ERROR, holdsHiddenCharacter, LONE_SURROGATE, SUSPICIOUS, SUSPICIOUS_ONE } from '../notice/characters.js';
import { formatPath } from '../notice/path.js';
import { readPlainYaml } from './plain-yaml.js';
import { findDeepNesting, findPropTokens, lastTokenBefore, mayNestTooDeeply, type PropTokens } from './scan-yaml-tokens.js';

/** Largest notice file accepted, in bytes. The reference notice is about 20 KiB. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Deepest YAML nesting accepted (mappings and lists). The schema needs about 8. */
export const MAX_DEPTH = 32;

/** A parsed notice file, with everything needed to position a diagnostic. */
export interface LoadedNotice {
  /** Path of the file as given (used in diagnostics). */
  file: string;
  /** The decoded text (BOM removed). */
  text: string;
  /**
   * The YAML document, when the text could be parsed. For a notice read by the fast path it is
   * composed on first access (positions are needed only to report something).
   */
  doc?: Document.Parsed;
  /** Converts offsets to 1-based line/column. */
  lineCounter: LineCounter;
  /** Plain data (only when there were no load errors). */
  data?: unknown;
  /** Problems found while reading and parsing. */
  diagnostics: Diagnostic[];
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Read and parse a notice file from disk. */
export async function loadNoticeFile(file: string): Promise<LoadedNotice> {
  // Synchronous reads: parsing is synchronous CPU work anyway, and for a notice-sized file one
  // blocking read costs less than the thread-pool round trips of open, stat, read and close.
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    // Not even opened unless a regular file (opening a FIFO would wait for a writer).
    if (!statSync(file).isFile()) return failed(file, 'file-unreadable', `${file} is not a file.`);
    // One open, then size and contents from the same descriptor: nothing over the limit is read.
    fd = openSync(file, 'r');
    const info = fstatSync(fd);
    if (!info.isFile()) return failed(file, 'file-unreadable', `${file} is not a file.`);
    if (info.size > MAX_FILE_BYTES) return failed(file, 'file-too-large', tooLarge(info.size));
    bytes = readFileSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return failed(file, 'file-unreadable', `${file} is not a file.`);
    const reason = code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    return failed(file, 'file-unreadable', `${file} ${reason}; check the path.`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return loadNotice(bytes, file);
}

/** How {@link loadNotice} reads. */
export interface LoadOptions {
  /**
   * Try the fast path first (plain data from yaml's syntax tree; the Document is composed only
   * when something asks for it). Default true; false always composes the Document at once.
   */
  fast?: boolean;
}

/**
 * Parse notice source (bytes or text) into a positioned YAML document and plain data.
 * @param source the file's bytes, or already-decoded text
 * @param file the name to put in diagnostics
 */
export function loadNotice(source: Uint8Array | string, file = '<input>', options: LoadOptions = {}): LoadedNotice {
  const lineCounter = new LineCounter();
  const result: LoadedNotice = { file, text: '', lineCounter, diagnostics: [] };
  const size = typeof source === 'string' ? Buffer.byteLength(source) : source.byteLength;
  if (size > MAX_FILE_BYTES) return failed(file, 'file-too-large', tooLarge(size));

  let text: string;
  if (typeof source === 'string') text = source;
  else {
    const decoded = decodeUtf8(source);
    if (typeof decoded !== 'string') {
      const { line, column } = bytePosition(source, decoded.offset);
      return failed(file, 'invalid-encoding', `The file is not valid UTF-8 (byte ${decoded.offset + 1}); save it as UTF-8.`, line, column);
    }
    text = decoded;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  result.text = text;

  const add = (code: string, message: string, offset: number, severity: Severity = 'error', path = '', end?: number) => {
    const pos = lineCounter.linePos(offset);
    const d: Diagnostic = { code, severity, message, file, line: pos.line, column: pos.col, path };
    if (end !== undefined) {
      const e = lineCounter.linePos(end);
      d.endLine = e.line;
      d.endColumn = e.col;
    }
    result.diagnostics.push(d);
  };

  // Characters are checked on the text itself, before YAML has a chance to hide them in a scalar.
  // The LineCounter is only filled by the parser, so lines are counted by hand (and only when needed).
  let preLines: LineCounter | undefined;
  const preAdd = (code: string, message: string, offset: number, severity: Severity) => {
    if (!preLines) {
      // Also the file's LineCounter when it is not parsed, for whoever positions things later.
      preLines = countLines(text);
      result.lineCounter = preLines;
    }
    const pos = preLines.linePos(offset);
    result.diagnostics.push({ code, severity, message, file, line: pos.line, column: pos.col, path: '' });
  };
  for (const m of text.matchAll(SUSPICIOUS)) {
    const ch = m[0];
    if (CONTROL.test(ch)) {
      const what = ch === '\u0000' ? 'a NUL byte' : `the control character U+${hex(ch)}`;
      preAdd('control-character', `The file contains ${what}; delete it (it is invisible in most editors).`, m.index, 'error');
    } else if (HIDDEN_ERROR.test(ch)) {
      preAdd('hidden-character', `Invisible character U+${hex(ch)} (${hiddenName(ch)}) can make the text read differently from what it says; delete it.`, m.index, 'error');
    } else {
      preAdd('hidden-character', `Invisible character U+${hex(ch)} (${hiddenName(ch)}); keep it only if the language needs it.`, m.index, 'warning');
    }
  }
  if (result.diagnostics.some((d) => d.severity === 'error')) return result;

  if (isBlank(text)) {
    result.diagnostics.push({ code: 'empty-file', severity: 'error', message: 'The file is empty; a notice starts with `id:`, `version:` and the other top-level keys.', file, line: 1, column: 1, path: '' });
    return result;
  }

  // yaml's parser slows down sharply (and can exhaust memory) on thousands of nested `[`:
  // refuse such input before parsing it.
  if (mayNestTooDeeply(text)) {
    const deep = findDeepNesting(text, MAX_DEPTH);
    if (deep !== undefined) {
      preAdd('nesting-too-deep', `The YAML is nested more than ${MAX_DEPTH} levels deep here; a notice never needs that. Check for unbalanced brackets.`, firstTooDeep(text, deep), 'error');
      return result;
    }
  }

  // The fast path: plain data without a composed Document, for the usual well-formed notice. When
  // something later needs positions, the Document is composed then (see lazyDocument).
  if (options.fast !== false) {
    // The line table yaml's parser would make: a line starts after every LF.
    const fastLines = countLines(text);
    const data = readPlainYaml(text, fastLines.lineStarts, MAX_DEPTH);
    if (data) {
      result.lineCounter = fastLines;
      result.data = data;
      lazyDocument(result);
      return result;
    }
  }

  result.lineCounter = lineCounter;
  const list = parseYaml(text, lineCounter);
  if (list.length === 0) {
    result.diagnostics.push({ code: 'empty-file', severity: 'error', message: 'The file holds no notice.', file, line: 1, column: 1, path: '' });
    return result;
  }
  for (const extra of list.slice(1)) {
    add('multiple-documents', 'The file holds more than one YAML document (a line `---` starts a second one); keep one notice per file.', extra.range[0]);
  }
  const doc = list[0]!;
  result.doc = doc;

  // Where the composed document does not say where something was written, ask the lexer (once).
  let props: PropTokens | undefined;
  const propTokens = () => (props ??= findPropTokens(text));

  // The node walk runs first so that, where it and yaml report the same thing at the same place
  // (an unknown tag), its wording is the one kept.
  const contents = doc.contents;
  const data = isMap(contents) ? checkNodes(contents, add, propTokens, text) : undefined;

  let exhausted = false;
  for (const error of [...doc.errors, ...doc.warnings]) {
    if (error.code === 'RESOURCE_EXHAUSTION') {
      // yaml reports one per level it gave up on; one is enough.
      if (exhausted) continue;
      exhausted = true;
    }
    const [code, message] = describeYamlError(error.code, error.message);
    add(code, message, errorOffset(error.code, error.message, error.pos[0], propTokens));
  }
  if (doc.directives?.yaml.explicit || hasCustomTagDirective(doc) || /^%/m.test(text)) {
    for (const directive of propTokens().directives) {
      add('directive', `YAML directives such as \`${clip(directive.source)}\` are not allowed (they change how values are read, e.g. NO becomes false); delete the line.`, directive.offset);
    }
  }

  if (!contents || (isScalar(contents) && contents.value === null)) {
    if (result.diagnostics.length === 0) add('empty-file', 'The file holds no notice.', 0);
  } else if (!isMap(contents)) {
    const what = isSeq(contents) ? 'a list' : 'a single value';
    add('not-a-mapping', `The file holds ${what}; a notice is a mapping of keys such as \`id:\`, \`version:\` and \`controller:\`.`, contents.range?.[0] ?? 0);
  } else if (!result.diagnostics.some((d) => d.severity === 'error')) {
    result.data = data;
  }
  return finish(result);
}

/**
 * Where the nesting really passes MAX_DEPTH, given the offset where a lower bound of it does: the
 * same place the node walk reports for a shallower file. Only the text up to `bound` is parsed,
 * which is nested at most about MAX_DEPTH deep and so quick to parse.
 */
function firstTooDeep(text: string, bound: number): number {
  const prefix = text.slice(0, bound + 1);
  const doc = parseYaml(prefix, new LineCounter())[0];
  let found: number | undefined;
  const visit = (node: Node | null, depth: number): void => {
    if (!node || found !== undefined) return;
    if (depth > MAX_DEPTH) {
      found = node.range?.[0];
      return;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        visit(pair.key as Node | null, depth + 1);
        visit(pair.value as Node | null, depth + 1);
      }
    } else if (isSeq(node)) for (const item of node.items) visit(item as Node | null, depth + 1);
  };
  visit((doc?.contents ?? null) as Node | null, 1);
  return found !== undefined && found <= bound ? found : bound;
}

/** Parse with the options the notice format needs (no merge keys, unique keys, YAML 1.2 core). */
function parseYaml(text: string, lineCounter: LineCounter): Document.Parsed[] {
  // Duplicate keys are found in checkNodes: yaml's own check compares each key with every earlier
  // one (a 600 KB file of distinct keys took 27 s).
  const options = { lineCounter, uniqueKeys: false, merge: false, prettyErrors: false, strict: true, version: '1.2', schema: 'core', stringKeys: true } as const;
  return withQuietEnv(() => {
    const docs = YAML.parseAllDocuments(text, options);
    return Array.isArray(docs) ? docs : [docs];
  });
}

/**
 * Run `parse` with a plain object as process.env. yaml's Parser reads process.env.LOG_TOKENS once
 * per token, and reading process.env is a call into C++ each time (about a quarter of the parse
 * time for a notice). Parsing is synchronous, so a plain copy can stand in for it and be put back
 * before anything else runs.
 */
function withQuietEnv<T>(parse: () => T): T {
  const env = process.env;
  process.env = { LOG_TOKENS: env.LOG_TOKENS, LOG_STREAM: env.LOG_STREAM };
  try {
    return parse();
  } finally {
    process.env = env;
  }
}

/**
 * Give a notice read by the fast path a `doc` that is composed on first use (to position a
 * diagnostic, or to read comments). Enumerable, so a copy made with `{ ...loaded }` has the
 * document too (composed then).
 */
function lazyDocument(result: LoadedNotice): void {
  let doc: Document.Parsed | undefined;
  Object.defineProperty(result, 'doc', {
    configurable: true,
    enumerable: true,
    get: () => (doc ??= parseYaml(result.text, new LineCounter())[0]),
  });
}

/** Sort by position and drop exact repeats (yaml and the node walk can report one thing twice). */
function finish(result: LoadedNotice): LoadedNotice {
  const seen = new Set<string>();
  result.diagnostics = result.diagnostics
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .filter((d) => {
      const key = `${d.code}|${d.line}|${d.column}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return result;
}

/** True if a `%TAG` directive defines or redefines a tag handle. */
function hasCustomTagDirective(doc: Document.Parsed): boolean {
  const tags = doc.directives?.tags ?? {};
  return Object.entries(tags).some(([handle, prefix]) => !(handle === '!' && prefix === '!') && !(handle === '!!' && prefix === 'tag:yaml.org,2002:'));
}

/** Where to report a yaml error: its own offset, or where the unclosed quote or bracket opens. */
function errorOffset(code: string, message: string, offset: number, propTokens: () => PropTokens): number {
  if (code === 'MISSING_CHAR' && /quote/i.test(message)) {
    const quote = lastTokenBefore(propTokens().unclosedQuotes, offset);
    if (quote) return quote.offset;
  }
  if (/end with an? [\]}]|Expected flow (?:map|sequence) to end/i.test(message)) {
    const flows = propTokens().unclosedFlows;
    let best: number | undefined;
    for (const at of flows) if (at <= offset) best = at;
    if (best !== undefined) return best;
  }
  return offset;
}

type Add = (code: string, message: string, offset: number, severity?: Severity, path?: string, end?: number) => void;

/**
 * Walk the node tree once: aliases, anchors, tags, merge keys, prototype keys, depth; and build the
 * plain data on the way (what `doc.toJS()` would return, without a second walk).
 */
function checkNodes(root: Node, add: Add, propTokens: () => PropTokens, text: string): unknown {
  const path: (string | number)[] = [];
  const where = () => formatPath(path);
  let tooDeep = false;
  const visit = (node: Node | null, depth: number): unknown => {
    if (!node) return null;
    const at = node.range?.[0] ?? 0;
    if (depth > MAX_DEPTH) {
      // Once is enough: everything below is too deep as well.
      if (!tooDeep) add('nesting-too-deep', `The YAML is nested more than ${MAX_DEPTH} levels deep; a notice never needs that.`, at, 'error', where());
      tooDeep = true;
      return undefined;
    }
    if (isAlias(node)) {
      add('alias', `Aliases (*${node.source}) are not allowed; write the value out in full.`, at, 'error', where());
      return undefined;
    }
    if (node.anchor) {
      const name = `&${node.anchor}`;
      const token = lastTokenBefore(propTokens().anchors, at, (t) => t.source === name);
      add('alias', `Anchors (${name}) are not allowed; write the value out in full where it is needed.`, token?.offset ?? at, 'error', where());
    }
    if (node.tag) {
      const token = lastTokenBefore(propTokens().tags, at);
      const shown = token?.source ?? node.tag.replace('tag:yaml.org,2002:', '!!');
      add('tag', `The tag \`${shown}\` is not allowed; write the value without it (quote text if needed).`, token?.offset ?? at, 'error', where());
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        if (keyNode && !isScalar(keyNode)) {
          if (isAlias(keyNode)) visit(keyNode, depth + 1);
          else add('wrong-type', 'A key must be a plain word, not a list or mapping.', keyNode.range?.[0] ?? at, 'error', where());
          continue;
        }
        const key = keyNode ? String(keyNode.value) : '';
        const keyAt = keyNode?.range?.[0] ?? at;
        if (keyNode) visit(keyNode, depth + 1);
        if (seen.has(key)) add('duplicate-key', describeYamlError('DUPLICATE_KEY', '')[1], keyAt, 'error', formatPath([...path, key]));
        seen.add(key);
        path.push(key);
        if (key === '<<') add('merge-key', 'Merge keys (`<<`) are not allowed; write the keys out in full.', keyAt, 'error', formatPath(path.slice(0, -1)));
        else if (FORBIDDEN_KEYS.has(key)) add('forbidden-key', `The key \`${key}\` is not allowed; delete it.`, keyAt, 'error', where());
        const value = visit(pair.value as Node | null, depth + 1);
        // Never assign a forbidden key, even to an object that is then thrown away.
        if (!FORBIDDEN_KEYS.has(key)) out[key] = value;
        path.pop();
      }
      return out;
    }
    if (isSeq(node)) {
      const out: unknown[] = [];
      node.items.forEach((item, i) => {
        path.push(i);
        out.push(visit(item as Node | null, depth + 1));
        path.pop();
      });
      return out;
    }
    if (isScalar(node) && node.type === 'QUOTE_DOUBLE' && typeof node.value === 'string' && node.range) checkEscapes(node.value, text, node.range[0], node.range[1], add, where());
    return isScalar(node) ? node.value : undefined;
  };
  return visit(root, 1);
}

const ESCAPE = /\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)/gs;
const SINGLE_ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', v: '\v', f: '\f', e: '\x1b', N: '\x85', _: '\xa0' };

/**
 * A double-quoted scalar can write with escapes (`\u202E`, `\0`, `\e`, `\uD800`) what the check of
 * the raw text never sees: report those characters like raw ones, at the escape that wrote them.
 */
function checkEscapes(value: string, text: string, start: number, end: number, add: Add, path: string): void {
  if (!holdsHiddenCharacter(value)) return;
  const escapes = [...text.slice(start, end).matchAll(ESCAPE)];
  const decode = (e: string | undefined) => {
    if (e === undefined || e.length <= 3) return e === undefined ? undefined : SINGLE_ESCAPES[e[1]!];
    const code = Number.parseInt(e.slice(2), 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  };
  for (let i = 0; i < escapes.length; i++) {
    const m = escapes[i]!;
    const e = m[0];
    const ch = decode(e);
    if (ch === undefined) continue;
    const at = start + m.index;
    // A pair of escapes that together write one character (`\uD83D\uDE00`) is fine.
    const next = escapes[i + 1];
    if (/^[\uD800-\uDBFF]$/.test(ch) && next && next.index === m.index + e.length && /^[\uDC00-\uDFFF]$/.test(decode(next[0]) ?? '')) {
      i++;
      continue;
    }
    if (LONE_SURROGATE.test(ch)) add('invalid-encoding', `The escape \`${e}\` is half of a surrogate pair, not a character; write the character itself.`, at, 'error', path);
    else if (!SUSPICIOUS_ONE.test(ch)) continue;
    else if (CONTROL.test(ch)) add('control-character', `The escape \`${e}\` writes ${ch === '\u0000' ? 'a NUL byte' : `the control character U+${hex(ch)}`}; delete it.`, at, 'error', path);
    else if (HIDDEN_ERROR.test(ch)) add('hidden-character', `The escape \`${e}\` writes the invisible character U+${hex(ch)} (${hiddenName(ch)}), which can make the text read differently from what it says; delete it.`, at, 'error', path);
    else add('hidden-character', `The escape \`${e}\` writes the invisible character U+${hex(ch)} (${hiddenName(ch)}); keep it only if the language needs it.`, at, 'warning', path);
  }
}

/** Map a yaml error code to ours, with a message for an editor. */
function describeYamlError(code: string, message: string): [string, string] {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return ['duplicate-key', 'This key appears twice in the same mapping; keep one of them.'];
    case 'TAB_AS_INDENT':
      return ['tab-indent', 'A tab is used for indentation; YAML needs spaces (configure the editor to insert spaces).'];
    case 'TAG_RESOLVE_FAILED':
      return ['tag', `Tags are not allowed (${first}); write the value without it.`];
    case 'BAD_DIRECTIVE':
      return ['directive', `Unsupported directive: ${first}; delete the line.`];
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      if (/end with an? \]/.test(first)) return ['yaml-syntax', 'This list in brackets `[...]` is never closed, or a line of it is not indented enough; add the closing `]`.'];
      if (/end with an? \}/.test(first)) return ['yaml-syntax', 'This mapping in braces `{...}` is never closed, or a line of it is not indented enough; add the closing `}`.'];
      if (/quote/i.test(first)) return ['yaml-syntax', 'This quoted text is never closed; add the closing quote (or remove the opening one).'];
      return ['yaml-syntax', `${first}; check for an unclosed quote or bracket.`];
    case 'RESOURCE_EXHAUSTION':
      return ['nesting-too-deep', 'The YAML is nested too deeply or too large to read safely.'];
    default:
      return ['yaml-syntax', `${first}.`];
  }
}

function failed(file: string, code: string, message: string, line = 1, column = 1): LoadedNotice {
  return { file, text: '', lineCounter: new LineCounter(), diagnostics: [{ code, severity: 'error', message, file, line, column, path: '' }] };
}

function tooLarge(bytes: number): string {
  return `The file is ${Math.ceil(bytes / 1024)} KiB; a notice may be at most ${MAX_FILE_BYTES / 1024} KiB. Split it or move long texts out.`;
}

/** Decode strict UTF-8, or report the byte offset where the first invalid sequence starts. */
function decodeUtf8(bytes: Uint8Array): string | { offset: number } {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Binary search for the shortest prefix that fails; `stream` tolerates a cut multi-byte tail.
    let lo = 0;
    let hi = bytes.byteLength;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
        lo = mid + 1;
      } catch {
        hi = mid;
      }
    }
    // Byte `lo` made decoding fail. If the bytes before it end in an unfinished sequence (a lead
    // byte and maybe continuation bytes), the bad sequence starts at that lead byte.
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, lo));
    } catch {
      for (let k = lo - 1; k >= Math.max(0, lo - 3); k--) {
        if (bytes[k]! >= 0xc0) return { offset: k };
      }
    }
    return { offset: lo };
  }
}

/** 1-based line and column (in UTF-16 code units, like the rest) of a byte offset in UTF-8 bytes valid up to it. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < bytes.byteLength; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: before.length + 1 };
}

/** A LineCounter filled from the text itself, as yaml's parser would fill it (a line starts after every LF). */
function countLines(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

/** True if the text holds only blank lines and comments. */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (c !== '#') return false;
    const eol = text.indexOf('\n', i);
    if (eol < 0) return true;
    i = eol;
  }
  return true;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

function hex(ch: string): string {
  return ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}

function hiddenName(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code >= 0x202a && code <= 0x202e) return 'bidirectional override';
  if (code >= 0x2066 && code <= 0x2069) return 'bidirectional isolate';
  if (code === 0x200e || code === 0x200f) return 'direction mark';
  if (code === 0x200c || code === 0x200d) return 'zero-width joiner';
  if (code === 0xfeff) return 'byte-order mark inside the text';
  return 'zero-width space';
}
