/**
 * Everything a build checks before it writes a byte: the notices are valid, every locale to render
 * has a phrase pack, phrase overrides name real phrases, no two files hold the same notice version.
 */
import { sha256Hex } from '../diff/util-hash.js';
import { closeMatch } from '../did-you-mean.js';
import type { Diagnostic, DiagnosticCode } from '../diagnostics.js';
import { loadPhrasePack, Phrases, type PhrasePack } from '../model/phrases.js';
import type { Notice } from '../model/notice.js';
import { loadNotice } from '../load/read-notice.js';
import { Reporter } from '../report/reporter.js';
import { checkNoticeTexts, type CheckedText } from '../validate/index.js';
import type { BuildCache } from './cache.js';
import { checkFilesCached } from './check-cache.js';

/** A valid notice ready to render, with the phrases of each locale to render. */
export interface PreparedNotice {
  file: string;
  /** The file's bytes as text (BOM removed). */
  text: string;
  /** SHA-256 (hex) of the text as UTF-8: part of the cache key of each of its documents. */
  textHash: string;
  notice: Notice;
  /** Locales to render, in declared order. */
  locales: string[];
  phrases: Map<string, Phrases>;
}

/** Reads and validates files: the text and, when valid, the notice of each, in the order given. */
export type CheckFiles = (files: readonly string[]) => Promise<CheckedText[]>;

/** Result of {@link prepareNotices}. */
export interface Prepared {
  notices: PreparedNotice[];
  diagnostics: Diagnostic[];
  checked: CheckedText[];
}

/**
 * Validate files and resolve phrase packs.
 * @param files notice files
 * @param options.locales render only these locales (default: all declared)
 * @param options.templatesDir custom templates folder (may hold its own phrase packs)
 * @param options.check reads and validates files (default: on this thread; a build passes its worker threads)
 * @param options.cache a build cache that keeps the results of validation (see check-cache.ts)
 */
export async function prepareNotices(files: string[], options: { locales?: string[]; templatesDir?: string; check?: CheckFiles; cache?: BuildCache | undefined } = {}): Promise<Prepared> {
  const check = options.check ?? ((some) => checkNoticeTexts(some, options.templatesDir));
  const checked = options.cache ? await checkFilesCached(files, options.cache, check) : await check(files);
  const diagnostics: Diagnostic[] = checked.flatMap((c) => c.diagnostics);
  const notices: PreparedNotice[] = [];
  const seen = new Map<string, string>();
  for (const c of checked) {
    if (!c.notice) continue;
    const notice = c.notice;
    // Positions come from the text, parsed again here (only when there is something to report).
    const reporter = new Reporter(c.file, () => loadNotice(c.text, c.file));
    const report = (code: DiagnosticCode, message: string, path: (string | number)[], at: 'key' | 'value' = 'value', expected?: string) =>
      reporter.add({ code, message, path, at, ...(expected ? { expected: [expected] } : {}) });
    const key = `${notice.id}@${notice.version}`;
    const other = seen.get(key);
    if (other) report('duplicate-notice', `Notice '${notice.id}' version ${notice.version} is also in ${other}; give this file a new version or remove one.`, ['version']);
    else seen.set(key, c.file);

    const locales = notice.locales.filter((l) => !options.locales || options.locales.includes(l));
    const phrases = new Map<string, Phrases>();
    const packs: PhrasePack[] = [];
    for (const locale of notice.locales) {
      const pack = await loadPhrasePack(locale, options.templatesDir);
      if (!pack) {
        if (locales.includes(locale)) {
          report('missing-phrase-pack', `There is no phrase pack for '${locale}' (templates/locales/${locale}.yaml); add one, or remove '${locale}' from locales.`, ['locales', notice.locales.indexOf(locale)]);
        }
        continue;
      }
      packs.push(pack);
      if (locales.includes(locale)) phrases.set(locale, new Phrases(locale, pack, notice.phrases));
    }
    const known = [...new Set(packs.flatMap((p) => [...p.phrases.keys()]))];
    for (const name of Object.keys(notice.phrases ?? {})) {
      const phrase = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
      if (packs.length > 0 && !packs.some((p) => p.phrases.has(phrase))) {
        const guess = closeMatch(phrase, known);
        report('unknown-phrase', `The phrase '${phrase}' does not exist in the phrase packs, so this override would never be used.`, ['phrases', name], 'key', guess);
      }
    }
    diagnostics.push(...reporter.list());
    // The text is read from the check's result only when asked for: one from the build cache
    // decodes it then (see checkFilesCached).
    const textHash = c.textHash ?? sha256Hex(c.text);
    notices.push({
      file: c.file,
      get text() {
        return c.text;
      },
      textHash,
      notice,
      locales,
      phrases,
    });
  }
  return { notices, diagnostics, checked };
}
