/**
 * Validation results as they cross from a build's worker threads to the build.
 */
import { deserialize, serialize } from 'node:v8';
import { sha256Hex } from '../diff/util-hash.js';
import type { CheckedText } from '../validate/index.js';

/**
 * A file's check as it crosses from a thread: its text as UTF-8 and the notice and diagnostics in
 * V8's serialization, both transferred, not copied. The serialized result is also what the build
 * cache keeps of it: made once on the thread, it spares the build's own thread serializing each
 * result again (~0.35 s of a cold 1,000-notice build, while the threads waited for it). The text
 * is decoded only when the build asks for it (most builds never do): as strings, the texts of
 * 1,000 notices are ~45 MB of the build thread's young generation, copied by its collections.
 */
export interface WireChecked {
  file: string;
  utf8: Uint8Array;
  textHash: string;
  result: Uint8Array;
}

const encoder = new TextEncoder();

/** A check as {@link WireChecked} carries it. */
export function toWire(checked: CheckedText): WireChecked {
  const utf8 = encoder.encode(checked.text);
  return { file: checked.file, utf8, textHash: sha256Hex(utf8), result: serialize({ notice: checked.notice, diagnostics: checked.diagnostics }) };
}

/** What a {@link WireChecked} crossing to this thread must give up (its buffers are moved, not copied). */
export function wireTransfer(wire: WireChecked): ArrayBuffer[] {
  return [wire.utf8.buffer as ArrayBuffer, wire.result.buffer as ArrayBuffer];
}

/** The check a {@link WireChecked} carries, with its serialized form kept as the cache entry of a valid one. */
export function fromWire(wire: WireChecked): CheckedText {
  const { notice, diagnostics } = deserialize(wire.result) as Pick<CheckedText, 'notice' | 'diagnostics'>;
  return checkOfBytes(wire.file, wire.utf8, wire.textHash, { diagnostics, ...(notice ? { notice, entry: wire.result } : {}) });
}

/**
 * A check whose text is decoded from `utf8` when first asked for (a build from the cache never
 * asks). The bytes are those of a text already checked: UTF-8, without a byte-order mark.
 */
export function checkOfBytes(file: string, utf8: Uint8Array, textHash: string, result: Omit<CheckedText, 'file' | 'text' | 'textHash'>): CheckedText {
  let text: string | undefined;
  const bytes = Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength);
  return {
    file,
    get text() {
      return (text ??= bytes.toString('utf8'));
    },
    textHash,
    ...result,
  };
}
