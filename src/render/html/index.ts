/**
 * HTML output: a notice view through the Handlebars template set.
 */
import type { NoticeView } from '../../model/view.js';
import { loadTemplateSet, type TemplateSet } from './templates.js';

export { loadTemplateSet, TemplateError, type TemplateSet } from './templates.js';
export { markdownToHtml, escapeHtml } from './markdown-to-html.js';

/** Options for {@link renderHtml}. */
export interface HtmlOptions {
  /** Render for printing: inline fonts (`{{fontFaces}}`) and set `pdf` for templates. */
  pdf?: boolean;
  /** CSS for `{{fontFaces}}` (trusted, built by noticekit). */
  fontFaces?: string;
}

/**
 * Render a notice view as one self-contained HTML document.
 * @param set the template set (see `loadTemplateSet`)
 */
export function renderHtml(view: NoticeView, set: TemplateSet, options: HtmlOptions = {}): string {
  return set.render('notice.html', templateData(view, options.pdf ?? false), { fontFaces: options.fontFaces });
}

/**
 * The data a notice template receives: the view with every optional key present (strict mode
 * makes a missing key an error, so templates can test `{{#if intro}}` safely).
 */
export function templateData(view: NoticeView, pdf: boolean): object {
  return {
    ...view,
    pdf,
    intro: view.intro ?? null,
    sections: view.sections.map((s) => ({
      ...s,
      heading: s.heading ?? null,
      blocks: s.blocks.map((b) =>
        b.type === 'paragraph'
          ? { ...b, id: b.id ?? null }
          : b.type === 'list'
            ? { ...b, id: b.id ?? null, items: b.items.map((i) => ({ ...i, id: i.id ?? null })) }
            : { ...b, id: b.id ?? null, rows: b.rows.map((r) => ({ ...r, id: r.id ?? null })), fallback: b.fallback.map((i) => ({ ...i, id: i.id ?? null })) },
      ),
    })),
  };
}

export { loadTemplateSet as templates };
