/**
 * HTML output: a notice view through the Handlebars template set.
 */
import type { NoticeView } from '../../model/view.js';
import { loadTemplateSet, type TemplateSet } from './templates.js';

export { loadTemplateSet, templateDirs, TemplateError, type TemplateSet } from './templates.js';
export { renderIndex, type IndexEntry } from './index-page.js';
export { markdownToHtml } from './markdown-to-html.js';
export { escapeHtml } from './escape.js';

/** One link of the page's navigation (to a sibling document of the same build). */
export interface PageLink {
  /** Relative URL within the build output (`./en.pdf`, `../1.0/en.html`). */
  href: string;
  /** Text of the link (plain text). */
  text: string;
  /** Locale of the linked document (for `hreflang` and `lang`). */
  locale: string;
  /** True for the document the page itself is (printed as text, `aria-current`). */
  current: boolean;
}

/**
 * The navigation a built page shows in its header: the same notice in the other languages, in the
 * other formats, and its other versions. Built by `noticekit build`, which knows what it writes.
 */
export interface PageLinks {
  /** Labels in the page's language (from the phrase pack `page.*`). */
  labels: { navigation: string; languages: string; formats: string; versions: string; history: string; current: string };
  /** Every locale of this version, the page's own marked `current` (empty when only one). */
  languages: PageLink[];
  /** This document in the other formats built (PDF, Markdown, ...). */
  formats: PageLink[];
  /** Every version built, newest first, this one marked `current` (empty when only one). */
  versions: PageLink[];
  /** The notice's history page, when the build writes one. */
  history?: string;
}

/** Options for {@link renderHtml}. */
export interface HtmlOptions {
  /** Render for printing: inline fonts (`{{fontFaces}}`) and set `pdf` for templates. */
  pdf?: boolean;
  /** CSS for `{{fontFaces}}` (trusted, built by noticekit). */
  fontFaces?: string;
  /** The page's navigation to its other languages, formats and versions (not printed in PDFs). */
  links?: PageLinks;
}

/**
 * Render a notice view as one self-contained HTML document.
 * @param set the template set (see `loadTemplateSet`)
 */
export function renderHtml(view: NoticeView, set: TemplateSet, options: HtmlOptions = {}): string {
  return set.render('notice.html', templateData(view, options.pdf ?? false, options.pdf ? undefined : options.links), { fontFaces: options.fontFaces });
}

/**
 * The data a notice template receives: the view with every optional key present (strict mode
 * makes a missing key an error, so templates can test `{{#if intro}}` safely), and `links`: the
 * page's navigation, or null when there is nothing to link to (a single document, a PDF).
 */
export function templateData(view: NoticeView, pdf: boolean, links?: PageLinks): object {
  const list = (l: PageLink[]) => (l.length > 0 ? l : null);
  return {
    ...view,
    pdf,
    links: links && (links.languages.length > 1 || links.formats.length > 0 || links.versions.length > 1 || links.history)
      ? { labels: links.labels, languages: links.languages.length > 1 ? links.languages : null, formats: list(links.formats), versions: links.versions.length > 1 ? links.versions : null, history: links.history ?? null }
      : null,
    intro: view.intro ?? null,
    sections: view.sections.map((s) => ({
      ...s,
      heading: s.heading ?? null,
      blocks: s.blocks.map((b) =>
        b.type === 'paragraph'
          ? withId(b)
          : b.type === 'list'
            ? { ...b, id: b.id ?? null, items: b.items.map(withId) }
            : { ...b, id: b.id ?? null, rows: b.rows.map(withId), fallback: b.fallback.map(withId) },
      ),
    })),
  };
}

/** The object with its `id` key present: itself when it has an id, else a copy with a null one. */
function withId<T extends { id?: string }>(x: T): T | (T & { id: null }) {
  return x.id === undefined ? { ...x, id: null } : x;
}

export { loadTemplateSet as templates };
