/**
 * Read a notice file: bytes -> checked UTF-8 text -> one YAML document with positions.
 * Every hostile construct (aliases, tags, directives, merge keys, prototype keys, deep nesting,
 * invisible control characters) becomes a positioned diagnostic; nothing here throws on bad input.
 */
import { readFile, stat } from 'node:fs/promises';
import YAML, { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
import { formatPath, type Diagnostic, type Severity } from '../diagnostics.js';

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
  /** The YAML document, when the text could be parsed. */
  doc?: Document.Parsed;
  /** Converts offsets to 1-based line/column. */
  lineCounter: LineCounter;
  /** Plain data (only when there were no load errors). */
  data?: unknown;
  /** Problems found while reading and parsing. */
  diagnostics: Diagnostic[];
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// Bidi embeddings/overrides/isolates, zero-width space, word joiner, BOM inside text: errors.
const HIDDEN_ERROR = /[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF]/g;
// Joiners and marks that some scripts need: warnings.
const HIDDEN_WARNING = /[\u200C-\u200F]/g;
// C0 controls except tab, LF, CR; and DEL / C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Read and parse a notice file from disk. */
export async function loadNoticeFile(file: string): Promise<LoadedNotice> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return failed(file, 'file-unreadable', `${file} is not a file.`);
    if (info.size > MAX_FILE_BYTES) return failed(file, 'file-too-large', tooLarge(info.size));
    return loadNotice(await readFile(file), file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    return failed(file, 'file-unreadable', `${file} ${reason}; check the path.`);
  }
}

/**
 * Parse notice source (bytes or text) into a positioned YAML document and plain data.
 * @param source the file's bytes, or already-decoded text
 * @param file the name to put in diagnostics
 */
export function loadNotice(source: Uint8Array | string, file = '<input>'): LoadedNotice {
  const lineCounter = new LineCounter();
  const result: LoadedNotice = { file, text: '', lineCounter, diagnostics: [] };
  const size = typeof source === 'string' ? Buffer.byteLength(source) : source.byteLength;
  if (size > MAX_FILE_BYTES) return failed(file, 'file-too-large', tooLarge(size));

  let text: string;
  if (typeof source === 'string') text = source;
  else {
    const decoded = decodeUtf8(source);
    if (typeof decoded !== 'string') {
      const line = countLines(source, decoded.offset);
      return failed(file, 'invalid-encoding', `The file is not valid UTF-8 (byte ${decoded.offset + 1}); save it as UTF-8.`, line);
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
  // The LineCounter is only filled by the parser, so scan lines first by hand.
  const preLines = new LineCounter();
  for (let i = 0, start = 0; ; ) {
    preLines.addNewLine(start);
    i = text.indexOf('\n', start);
    if (i < 0) break;
    start = i + 1;
  }
  const preAdd = (code: string, message: string, offset: number, severity: Severity) => {
    const pos = preLines.linePos(offset);
    result.diagnostics.push({ code, severity, message, file, line: pos.line, column: pos.col, path: '' });
  };
  for (const m of text.matchAll(CONTROL)) {
    const what = m[0] === '\u0000' ? 'a NUL byte' : `the control character U+${hex(m[0])}`;
    preAdd('control-character', `The file contains ${what}; delete it (it is invisible in most editors).`, m.index, 'error');
  }
  for (const m of text.matchAll(HIDDEN_ERROR)) {
    preAdd('hidden-character', `Invisible character U+${hex(m[0])} (${hiddenName(m[0])}) can make the text read differently from what it says; delete it.`, m.index, 'error');
  }
  for (const m of text.matchAll(HIDDEN_WARNING)) {
    preAdd('hidden-character', `Invisible character U+${hex(m[0])} (${hiddenName(m[0])}); keep it only if the language needs it.`, m.index, 'warning');
  }
  if (result.diagnostics.some((d) => d.severity === 'error')) return result;

  if (text.trim() === '' || /^(\s*(#.*)?\n?)*$/.test(text)) {
    result.diagnostics.push({ code: 'empty-file', severity: 'error', message: 'The file is empty; a notice starts with `id:`, `version:` and the other top-level keys.', file, line: 1, column: 1, path: '' });
    return result;
  }

  const docs = YAML.parseAllDocuments(text, {
    lineCounter,
    uniqueKeys: true,
    merge: false,
    prettyErrors: false,
    strict: true,
    version: '1.2',
    schema: 'core',
    stringKeys: true,
  });
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length === 0) {
    result.diagnostics.push({ code: 'empty-file', severity: 'error', message: 'The file holds no notice.', file, line: 1, column: 1, path: '' });
    return result;
  }
  for (const extra of list.slice(1)) {
    add('multiple-documents', 'The file holds more than one YAML document (a line `---` starts a second one); keep one notice per file.', extra.range[0]);
  }
  const doc = list[0]!;
  result.doc = doc;

  for (const error of [...doc.errors, ...doc.warnings]) {
    const [code, message] = describeYamlError(error.code, error.message);
    add(code, message, error.pos[0]);
  }
  if (doc.directives?.yaml.explicit || Object.keys(doc.directives?.tags ?? {}).some((h) => h !== '!!' && h !== '!')) {
    const m = /^%/m.exec(text);
    add('directive', 'YAML directives such as `%YAML 1.1` are not allowed (they change how values are read, e.g. NO becomes false); delete the line.', m?.index ?? 0);
  }

  if (!doc.contents || (isScalar(doc.contents) && doc.contents.value === null)) {
    if (result.diagnostics.length === 0) add('empty-file', 'The file holds no notice.', 0);
    return result;
  }
  if (!isMap(doc.contents)) {
    const what = isSeq(doc.contents) ? 'a list' : 'a single value';
    add('not-a-mapping', `The file holds ${what}; a notice is a mapping of keys such as \`id:\`, \`version:\` and \`controller:\`.`, doc.contents.range?.[0] ?? 0);
    return result;
  }

  checkNodes(doc.contents, [], 1, add);
  if (result.diagnostics.some((d) => d.severity === 'error')) return result;

  try {
    result.data = doc.toJS({ maxAliasCount: 0 });
  } catch (error) {
    // Defensive: every construct that makes toJS throw is rejected above.
    add('yaml-syntax', `The YAML cannot be read: ${(error as Error).message}.`, 0);
  }
  return result;
}

type Add = (code: string, message: string, offset: number, severity?: Severity, path?: string, end?: number) => void;

/** Walk the node tree once: aliases, anchors, tags, merge keys, prototype keys, depth. */
function checkNodes(node: Node | null, path: (string | number)[], depth: number, add: Add): void {
  if (!node) return;
  const at = node.range?.[0] ?? 0;
  if (depth > MAX_DEPTH) {
    add('nesting-too-deep', `The YAML is nested more than ${MAX_DEPTH} levels deep; a notice never needs that.`, at, 'error', formatPath(path));
    return;
  }
  if (isAlias(node)) {
    add('alias', `Aliases (*${node.source}) are not allowed; write the value out in full.`, at, 'error', formatPath(path));
    return;
  }
  if (node.anchor) add('alias', `Anchors (&${node.anchor}) are not allowed; write the value out in full where it is needed.`, at, 'error', formatPath(path));
  if (node.tag) add('tag', `The tag \`${node.tag.replace('tag:yaml.org,2002:', '!!')}\` is not allowed; write the value without it (quote text if needed).`, at, 'error', formatPath(path));
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
      const keyAt = keyNode?.range?.[0] ?? at;
      if (keyNode && !isScalar(keyNode)) {
        add('wrong-type', 'A key must be a plain word, not a list or mapping.', keyAt, 'error', formatPath(path));
        continue;
      }
      if (keyNode) checkNodes(keyNode, path, depth + 1, add);
      if (key === '<<') add('merge-key', 'Merge keys (`<<`) are not allowed; write the keys out in full.', keyAt, 'error', formatPath(path));
      else if (key !== undefined && FORBIDDEN_KEYS.has(key)) add('forbidden-key', `The key \`${key}\` is not allowed; delete it.`, keyAt, 'error', formatPath([...path, key]));
      checkNodes(pair.value as Node | null, [...path, key ?? '?'], depth + 1, add);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => checkNodes(item as Node | null, [...path, i], depth + 1, add));
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
    case 'BAD_DIRECTIVE':
      return ['tag', `Unsupported tag or directive: ${first}; remove it.`];
    case 'MISSING_CHAR':
      return ['yaml-syntax', `${first}; check for an unclosed quote or bracket.`];
    case 'RESOURCE_EXHAUSTION':
      return ['nesting-too-deep', 'The YAML is nested too deeply or too large to read safely.'];
    default:
      return ['yaml-syntax', `${first}.`];
  }
}

function failed(file: string, code: string, message: string, line = 1): LoadedNotice {
  return { file, text: '', lineCounter: new LineCounter(), diagnostics: [{ code, severity: 'error', message, file, line, column: 1, path: '' }] };
}

function tooLarge(bytes: number): string {
  return `The file is ${Math.ceil(bytes / 1024)} KiB; a notice may be at most ${MAX_FILE_BYTES / 1024} KiB. Split it or move long texts out.`;
}

/** Decode strict UTF-8, or report the byte offset of the first invalid sequence. */
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
    return { offset: lo };
  }
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end && i < bytes.byteLength; i++) if (bytes[i] === 0x0a) line++;
  return line;
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
