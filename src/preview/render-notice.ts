/**
 * One notice file as the preview shows it: the checks `noticekit build` and `noticekit lint` make,
 * and the HTML of every locale from the build's own renderer (so escaping and sanitising are the
 * build's).
 */
import path from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { prepareNotices } from '../build/prepare.js';
import { loadNotice } from '../load/read-notice.js';
import { buildView } from '../model/view.js';
import { findConfigFile, lintNotice, loadLintConfig, LintConfigError } from '../lint/index.js';
import { loadTemplateSet, renderHtml, TemplateError } from '../render/html/index.js';

/** The HTML of one locale of a notice. */
export interface RenderedLocale {
  locale: string;
  /** A whole HTML document, as `noticekit build` writes it (without the build's navigation links). */
  html: string;
}

/** What the preview knows about one notice file after a check. */
export interface PreviewedNotice {
  /** Absolute path of the file. */
  file: string;
  /** Validation and lint diagnostics (lint only when the notice is valid), sorted by position. */
  diagnostics: Diagnostic[];
  /** One document per locale; empty when the notice is invalid. */
  locales: RenderedLocale[];
  /** The notice's id and version when it is valid. */
  title?: string;
}

/** Options for {@link previewNotice}. */
export interface PreviewNoticeOptions {
  /** Custom templates folder, as for `noticekit build --templates`. */
  templatesDir?: string;
  /** Day to judge adequacy decisions against, YYYY-MM-DD (default: today). */
  today?: string;
}

/**
 * Check and render one notice file.
 * @param file absolute path of a notice
 */
export async function previewNotice(file: string, options: PreviewNoticeOptions = {}): Promise<PreviewedNotice> {
  const prepared = await prepareNotices([file], options.templatesDir ? { templatesDir: options.templatesDir } : {});
  const diagnostics: Diagnostic[] = [...prepared.diagnostics];
  const ready = prepared.notices[0];
  const locales: RenderedLocale[] = [];
  if (ready && !diagnostics.some((d) => d.severity === 'error')) {
    const configFile = await findConfigFile(file);
    let config;
    try {
      config = configFile ? await loadLintConfig(configFile) : undefined;
    } catch (error) {
      if (!(error instanceof LintConfigError)) throw error;
      diagnostics.push({ code: 'lint-config', severity: 'error', message: error.message, file: configFile!, line: 1, column: 1, path: '' });
    }
    const loaded = loadNotice(ready.text, file);
    diagnostics.push(...lintNotice(loaded, ready.notice, { ...(config ? { config } : {}), ...(options.today ? { today: options.today } : {}) }));
    try {
      const templates = await loadTemplateSet(options.templatesDir);
      for (const locale of ready.locales) {
        locales.push({ locale, html: renderHtml(buildView(ready.notice, ready.phrases.get(locale)!), templates) });
      }
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      locales.length = 0;
      diagnostics.push({ code: 'template-error', severity: 'error', message: error.message, file: path.resolve(error.file), line: error.line, column: error.column, path: '' });
    }
  }
  sortDiagnostics(diagnostics);
  return { file, diagnostics, locales, ...(ready ? { title: `${ready.notice.id} ${ready.notice.version}` } : {}) };
}
