/**
 * Read a notice file: bytes -> checked UTF-8 text -> one YAML document with positions.
 * Every hostile construct (aliases, tags, directives, merge keys, prototype keys, deep nesting,
 * invisible control characters) becomes a positioned diagnostic; nothing here throws on bad input.
 */
import { closeSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import type { Document, LineCounter } from 'yaml';
import type { Diagnostic, DiagnosticCode } from '../diagnostics.js';
import { Reporter } from '../report/reporter.js';
import { checkRawCharacters } from './check-characters.js';
import { checkNodes } from './check-nodes.js';
import { bytePosition, countLines, decodeUtf8, isBlank } from './decode-text.js';
import { MAX_DEPTH, MAX_FILE_BYTES } from './limits.js';
import { firstTooDeep, parseYaml } from './parse-yaml.js';
import { readPlainYaml } from './plain-yaml.js';
import { findDeepNesting, findPropTokens, mayNestTooDeeply, type PropTokens } from './scan-yaml-tokens.js';
import { describeYamlError, errorOffset, hasCustomTagDirective } from './yaml-errors.js';
import { newLineCounter, nodeKinds } from './yaml-lib.js';

export { MAX_DEPTH, MAX_FILE_BYTES } from './limits.js';

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

/** Read and parse a notice file from disk. */
export async function loadNoticeFile(file: string): Promise<LoadedNotice> {
  const bytes = readNoticeBytes(file);
  return Buffer.isBuffer(bytes) ? loadNotice(bytes, file) : bytes;
}

/**
 * Read a notice file's bytes, or the result that reports why they cannot be read (not a regular
 * file, over {@link MAX_FILE_BYTES}, missing, unreadable).
 */
export function readNoticeBytes(file: string): Buffer | LoadedNotice {
  // Synchronous reads: parsing is synchronous CPU work anyway, and for a notice-sized file one
  // blocking read costs less than the thread-pool round trips of open, stat, read and close.
  let fd: number | undefined;
  try {
    // Not even opened unless a regular file (opening a FIFO would wait for a writer).
    if (!statSync(file).isFile()) return failed(file, 'file-unreadable', `${file} is not a file.`);
    // One open, then size and contents from the same descriptor: nothing over the limit is read.
    fd = openSync(file, 'r');
    const info = fstatSync(fd);
    if (!info.isFile()) return failed(file, 'file-unreadable', `${file} is not a file.`);
    if (info.size > MAX_FILE_BYTES) return failed(file, 'file-too-large', tooLarge(info.size));
    return readFileSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return failed(file, 'file-unreadable', `${file} is not a file.`);
    const reason = code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    return failed(file, 'file-unreadable', `${file} ${reason}; check the path.`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The text {@link loadNotice} reads from bytes (strict UTF-8, a byte order mark removed), or
 * undefined when they are not UTF-8.
 */
export function noticeText(bytes: Uint8Array): string | undefined {
  const decoded = decodeUtf8(bytes);
  return typeof decoded === 'string' ? withoutBom(decoded) : undefined;
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
  const lineCounter = newLineCounter();
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
  text = withoutBom(text);
  result.text = text;

  // Positions are read from result.lineCounter when a problem is added. Until the parser fills one,
  // it is a table counted from the text (the characters are checked on the raw text, before YAML
  // has a chance to hide them in a scalar). The node walk runs before yaml's errors are read, so
  // where both report one thing at one place (an unknown tag), the walk's wording is the one kept.
  const report = new Reporter(file, result, { limit: Infinity, same: 'place' });
  const add = (code: DiagnosticCode, message: string, offset: number) => report.add({ code, message, at: { offset } });
  const done = () => {
    result.diagnostics = report.list();
    return result;
  };
  // The line table yaml's parser would make (a line starts after every LF); the fast path keeps it.
  result.lineCounter = countLines(text);
  checkRawCharacters(text, report);
  if (report.failed) return done();

  if (isBlank(text)) {
    report.add({ code: 'empty-file', message: 'The file is empty; a notice starts with `id:`, `version:` and the other top-level keys.', at: { line: 1, column: 1 } });
    return done();
  }

  // yaml's parser slows down sharply (and can exhaust memory) on thousands of nested `[`:
  // refuse such input before parsing it.
  if (mayNestTooDeeply(text)) {
    const deep = findDeepNesting(text, MAX_DEPTH);
    if (deep !== undefined) {
      add('nesting-too-deep', `The YAML is nested more than ${MAX_DEPTH} levels deep here; a notice never needs that. Check for unbalanced brackets.`, firstTooDeep(text, deep));
      return done();
    }
  }

  // The fast path: plain data without a composed Document, for the usual well-formed notice. When
  // something later needs positions, the Document is composed then (see lazyDocument).
  if (options.fast !== false) {
    const data = readPlainYaml(text, result.lineCounter.lineStarts, MAX_DEPTH);
    if (data) {
      result.data = data;
      lazyDocument(result);
      return done();
    }
  }

  result.lineCounter = lineCounter;
  const list = parseYaml(text, lineCounter);
  if (list.length === 0) {
    report.add({ code: 'empty-file', message: 'The file holds no notice.', at: { line: 1, column: 1 } });
    return done();
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
  const { isMap, isScalar, isSeq } = nodeKinds();
  const data = isMap(contents) ? checkNodes(contents, report, propTokens, text) : undefined;

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
    if (report.all.length === 0) add('empty-file', 'The file holds no notice.', 0);
  } else if (!isMap(contents)) {
    const what = isSeq(contents) ? 'a list' : 'a single value';
    add('not-a-mapping', `The file holds ${what}; a notice is a mapping of keys such as \`id:\`, \`version:\` and \`controller:\`.`, contents.range?.[0] ?? 0);
  } else if (!report.failed) {
    result.data = data;
  }
  return done();
}

/**
 * Give a notice read by the fast path a `doc` that is composed on first use (to position a
 * diagnostic, or to read comments). Enumerable, so a copy made with `{ ...loaded }` has the
 * document too (composed then).
 *
 * The getter is one function for every notice, its documents kept aside: a getter closure per
 * notice gave each notice its own hidden class, and those (long-lived) kept every notice's text
 * and data alive through the young-generation collections, which then copied them all (a third
 * of validate's garbage-collection time).
 */
function lazyDocument(result: LoadedNotice): void {
  Object.defineProperty(result, 'doc', { configurable: true, enumerable: true, get: composedDocument });
}

/** Documents composed for notices read by the fast path, on first use. */
const composed = new WeakMap<LoadedNotice, Document.Parsed | undefined>();

function composedDocument(this: LoadedNotice): Document.Parsed | undefined {
  if (!composed.has(this)) composed.set(this, parseYaml(this.text, newLineCounter())[0]);
  return composed.get(this);
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function failed(file: string, code: DiagnosticCode, message: string, line = 1, column = 1): LoadedNotice {
  const report = new Reporter(file);
  report.add({ code, message, at: { line, column } });
  return { file, text: '', lineCounter: newLineCounter(), diagnostics: report.list() };
}

function tooLarge(bytes: number): string {
  return `The file is ${Math.ceil(bytes / 1024)} KiB; a notice may be at most ${MAX_FILE_BYTES / 1024} KiB. Split it or move long texts out.`;
}


function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}
