/**
 * From bytes to text and lines: strict UTF-8 with the offset of the first bad byte, positions in
 * bytes, the line table, blank files.
 */
import { isUtf8 } from 'node:buffer';
import type { LineCounter } from 'yaml';
import { newLineCounter } from './yaml-lib.js';

/**
 * Decode strict UTF-8 (a leading byte order mark dropped, as TextDecoder drops it), or report the
 * byte offset where the first invalid sequence starts.
 */
export function decodeUtf8(bytes: Uint8Array): string | { offset: number } {
  // Valid text (nearly every file) is checked and decoded natively: a fatal TextDecoder per file
  // cost as much again, more while the process is young.
  if (isUtf8(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
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
export function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
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
export function countLines(text: string): LineCounter {
  const lines = newLineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

/** True if the text holds only blank lines and comments. */
export function isBlank(text: string): boolean {
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
