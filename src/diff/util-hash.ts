/**
 * The content hash the diff and the timeline name file contents by (a module of its own, so that
 * reading a timeline does not load the diff).
 */
import { createHash } from 'node:crypto';

/**
 * SHA-256 of some bytes, as lower-case hex.
 * @param bytes file content
 */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
