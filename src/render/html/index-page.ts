/**
 * The index page of a build's output: every notice x version x locale with links to its formats.
 * Made from the manifest's entries, so a merge of shards can make it again without the notices.
 */
import { escapeMarkdown } from '../../model/format.js';
import { loadPhrasePack, Phrases } from '../../model/phrases.js';
import type { TemplateSet } from './templates.js';

/** One written file, as the index page needs it (a build's manifest entries are these). */
export interface IndexEntry {
  /** Path relative to the output folder. */
  path: string;
  /** Notice id, version and locale; null for files that are no notice's (the index itself). */
  notice: string | null;
  version: string | null;
  locale: string | null;
  format: string;
  /** Plain-text title of the notice in this locale. */
  title?: string;
}

/**
 * Render the index page (English labels from the `en` phrase pack, `index.*`).
 * @param templatesDir custom templates folder (may hold its own phrase packs)
 */
export async function renderIndex(templates: TemplateSet, entries: readonly IndexEntry[], templatesDir?: string): Promise<string> {
  const pack = await loadPhrasePack('en', templatesDir);
  const phrases = pack ? new Phrases('en', pack) : undefined;
  const label = (key: string, fallback: string) => (phrases?.has(key) ? phrases.get(key) : fallback);
  const languages = new Intl.DisplayNames(['en'], { type: 'language' });
  const groups = new Map<string, { title: string; id: string; version: string; locale: string; localeName: string; files: { path: string; format: string }[] }>();
  for (const m of entries) {
    if (m.notice === null || m.version === null || m.locale === null || m.path.includes('/latest/')) continue;
    const key = `${m.notice}\u0000${m.version}\u0000${m.locale}`;
    let group = groups.get(key);
    if (!group) {
      group = { title: escapeMarkdown(m.title ?? m.notice), id: m.notice, version: m.version, locale: m.locale, localeName: languages.of(m.locale) ?? m.locale, files: [] };
      groups.set(key, group);
    }
    group.files.push({ path: m.path, format: m.format.toUpperCase() });
  }
  const sorted = [...groups.values()]
    .map((g) => ({ ...g, files: g.files.sort((a, b) => a.format.localeCompare(b.format)) }))
    .sort((a, b) => a.id.localeCompare(b.id) || a.version.localeCompare(b.version, 'en', { numeric: true }) || a.locale.localeCompare(b.locale));
  return templates.render('index.html', {
    lang: 'en',
    title: label('index.title', 'Privacy notices'),
    labels: { notice: label('index.notice', 'Notice'), version: 'Version', locale: label('index.locale', 'Language'), formats: label('index.formats', 'Formats') },
    entries: sorted,
  });
}
