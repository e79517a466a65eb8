/**
 * Validation results from the build cache, so a rebuild parses and validates only the notice files
 * that changed. The result of checking a file (its notice and diagnostics) is kept under the
 * cache's fingerprint (toolkit code, templates folders with their phrase packs), what else
 * validation depends on (the schema, the YAML and schema libraries, Node's Intl data), the path
 * of the file as given (diagnostics name it) and its text. Results are kept in V8's serialization,
 * the structured clone that also carries them back from the build's worker threads.
 *
 * Only valid files are kept: an invalid file fails the build, so its result is wanted once before
 * it is fixed, and it is always reported as the validation of this run words it. A file that
 * cannot be read, or is not UTF-8, is also checked afresh (that check says why).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deserialize, serialize } from 'node:v8';
import { sha256Hex } from '../diff/util-hash.js';
import { readNoticeBytes } from '../load/read-notice.js';
import { schemaHash } from '../validate/compile-schema.js';
import type { CheckedText } from '../validate/index.js';
import type { BuildCache } from './cache.js';
import { checkOfBytes } from './check-wire.js';
import type { CheckFiles } from './prepare.js';

/** Packages whose code decides validation results but is not part of the toolkit fingerprint. */
const VALIDATION_PACKAGES = ['yaml', 'ajv', 'ajv-formats'];

let runtime: string | undefined;
/** SHA-256 of what validation depends on besides the cache's fingerprint and the file. */
function validationRuntime(): string {
  if (runtime === undefined) {
    const require = createRequire(import.meta.url);
    const hash = createHash('sha256').update(schemaHash()).update(`\u0000${process.version}\u0000`);
    for (const name of VALIDATION_PACKAGES) hash.update(readFileSync(require.resolve(`${name}/package.json`))).update('\u0000');
    runtime = hash.digest('hex');
  }
  return runtime;
}

/**
 * Read and validate files for a build as `check` does, taking the result of each file whose path
 * and text are unchanged from the cache. Only the others are given to `check`, and the valid ones
 * are stored.
 * @param check reads and validates files (on this thread, or the build's worker threads)
 * @returns the results in the order of `files`
 */
export async function checkFilesCached(files: readonly string[], cache: BuildCache, check: CheckFiles): Promise<CheckedText[]> {
  // Keyed by the text's UTF-8 bytes, which are the file's without a byte-order mark: a lookup
  // need not decode the file (a cold build's worker threads do that), and a result is stored
  // under the key of the text it was checked from.
  const keyOf = (file: string, textHash: string) => cache.keyOf(`check ${validationRuntime()}\u0000${file}\u0000${textHash}`);
  const results: (CheckedText | undefined)[] = new Array(files.length);
  const checking: Promise<void>[] = [];
  // Read one after another on this thread (notices and entries are small, see BuildCache.lookupSync),
  // a share at a time: the misses of each share are sent to be checked at once, so the worker
  // threads of a large build start on the first files while this thread reads the rest.
  for (let start = 0; start < files.length; start += LOOKUP_SHARE) {
    const missed: number[] = [];
    for (let i = start; i < Math.min(files.length, start + LOOKUP_SHARE); i++) {
      const file = files[i]!;
      const bytes = readNoticeBytes(file);
      const utf8 = Buffer.isBuffer(bytes) ? withoutBomBytes(bytes) : undefined;
      const textHash = utf8 && sha256Hex(utf8);
      const entry = textHash === undefined ? undefined : cache.lookupSync(keyOf(file, textHash));
      results[i] = entry && fromEntry(file, utf8!, textHash!, entry);
      if (!results[i]) missed.push(i);
    }
    if (missed.length === 0) continue;
    checking.push(
      check(missed.map((i) => files[i]!)).then((fresh) => {
        fresh.forEach((c, k) => (results[missed[k]!] = c));
        // Stored while the build goes on; the build waits for them before it ends (BuildCache.settle).
        // A worker thread's result comes serialized already (see check-wire.ts).
        cache.putLater(
          // (The text is not read unless its hash is missing: a worker's result decodes it when asked.)
          fresh.flatMap((c) => {
            const { notice, diagnostics, entry } = c;
            return notice ? [{ key: keyOf(c.file, c.textHash ?? sha256Hex(c.text)), make: () => (entry ? Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength) : serialize({ notice, diagnostics } satisfies Entry)) }] : [];
          }),
        );
      }),
    );
  }
  await Promise.all(checking);
  return results as CheckedText[];
}

/** The bytes after a UTF-8 byte-order mark (all of them when there is none). */
function withoutBomBytes(bytes: Buffer): Buffer {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/** Files read and looked up before their misses are sent to be checked. */
const LOOKUP_SHARE = 100;

/** What an entry holds: the result without the file and text it is the result for. */
type Entry = Required<Pick<CheckedText, 'notice' | 'diagnostics'>>;

/**
 * The result an entry holds, or undefined when it is not one this module wrote (a miss). The text
 * is decoded from `utf8` when first asked for: a rebuild that takes its documents from the cache
 * never asks (1,000 notices are ~45 MB of two-byte strings, which the young generation's
 * collections copied while the results were read), and the bytes are those of a text already
 * checked, so they are UTF-8.
 */
function fromEntry(file: string, utf8: Buffer, textHash: string, entry: Buffer): CheckedText | undefined {
  let value: Partial<Entry> | null;
  try {
    value = deserialize(entry) as Partial<Entry> | null;
  } catch {
    return undefined;
  }
  if (typeof value?.notice !== 'object' || value.notice === null || !Array.isArray(value.diagnostics)) return undefined;
  return checkOfBytes(file, utf8, textHash, { notice: value.notice, diagnostics: value.diagnostics });
}
