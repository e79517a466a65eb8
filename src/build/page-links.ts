/**
 * The navigation of a built HTML page: links to the same notice in its other languages, formats
 * and versions, as the build writes them.
 */
import { formatDate } from '../model/format.js';
import type { PageLinks } from '../render/html/index.js';
import type { Format } from './manifest.js';
import type { PreparedNotice } from './prepare.js';

const FORMAT_NAMES: Record<Format, string> = { html: 'HTML', md: 'Markdown', pdf: 'PDF', json: 'JSON', jsonld: 'JSON-LD' };
const PAGE_LABELS = { navigation: 'About this notice', languages: 'Languages', formats: 'This notice as', versions: 'Versions', history: 'History of changes', current: 'this version' };

const autonyms = new Map<string, string>();

/**
 * A language's name in itself, capitalised as a link text in that language (`Deutsch`, `Latviešu`).
 * Kept per locale: making an Intl.DisplayNames is far dearer than asking one, and every page of a
 * build names the same few languages.
 */
export function autonym(locale: string): string {
  let name = autonyms.get(locale);
  if (name === undefined) {
    const own = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
    name = own.charAt(0).toLocaleUpperCase(locale) + own.slice(1);
    autonyms.set(locale, name);
  }
  return name;
}

/**
 * The navigation of one HTML page: the same version in its other locales, this document in the
 * other formats of the build, and every version of the notice in the build (newest first), as
 * relative links inside the output folder (`<id>/<version>/<locale>.<format>`; they work from
 * `latest/` too, a sibling of the version folders), and the notice's history page when the build
 * writes one.
 * @param versions every version of the notice being built, newest first
 * @param history the link to the notice's `history.html`, when the build writes one
 */
export function pageLinks(p: PreparedNotice, locale: string, versions: readonly PreparedNotice[], formats: readonly Format[], history?: string): PageLinks {
  const phrases = p.phrases.get(locale);
  const labels = Object.fromEntries(Object.entries(PAGE_LABELS).map(([k, fallback]) => [k, phrases?.has(`page.${k}`) ? phrases.get(`page.${k}`) : fallback])) as PageLinks['labels'];
  return {
    labels,
    languages: p.locales.map((l) => ({ href: `./${l}.html`, text: autonym(l), locale: l, current: l === locale })),
    formats: formats.filter((f) => f !== 'html').map((f) => ({ href: `./${locale}.${f}`, text: FORMAT_NAMES[f], locale, current: false })),
    versions: versions.map((v) => {
      const l = v.locales.includes(locale) ? locale : v.locales[0]!;
      const current = v.notice.version === p.notice.version;
      return { href: `../${v.notice.version}/${l}.html`, text: `${v.notice.version} (${formatDate(v.notice.effectiveDate, locale)})`, locale: l, current };
    }),
    ...(history !== undefined ? { history } : {}),
  };
}
