/**
 * noticekit's own version, from its package.json (src/ and dist/ both sit beside it).
 */
import { readFileSync } from 'node:fs';

let cached: string | undefined;
/** The version in noticekit's package.json, e.g. `0.1.0`. */
export function toolVersion(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}
