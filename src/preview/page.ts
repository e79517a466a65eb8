/**
 * The preview page: every notice with its diagnostics (each linked to its line in the editor) and
 * one sandboxed frame per locale. The page's only script is the one below, allowed by its hash in
 * the Content-Security-Policy; it listens to the server's events and reloads the page when the
 * notices were checked again. Everything taken from a notice or a message is escaped here.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { escapeHtml } from '../render/html/index.js';
import type { PreviewedNotice } from './render-notice.js';

/** The page's own script: reload when the server reports a newer generation than the page shows. */
export const PAGE_SCRIPT = `(() => {
  const shown = document.documentElement.dataset.generation;
  const events = new EventSource('/events');
  events.addEventListener('generation', (event) => {
    document.documentElement.dataset.connection = 'live';
    if (event.data !== shown) location.reload();
  });
  events.addEventListener('error', () => { document.documentElement.dataset.connection = 'lost'; });
})();`;

const PAGE_STYLE = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.4; }
body { margin: 0 auto; max-width: 80rem; padding: 0 1rem 2rem; }
header { display: flex; gap: 1rem; align-items: baseline; flex-wrap: wrap; }
[data-connection="lost"] .connection::after { content: " (connection to the preview server lost: is it still running?)"; color: #b00020; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { text-align: start; vertical-align: top; padding: 0.25rem 0.5rem; border-bottom: 1px solid #8884; }
.error { color: #b00020; } .warning { color: #8a5a00; } .info { color: #0b57d0; }
@media (prefers-color-scheme: dark) { .error { color: #ff8a80; } .warning { color: #ffd180; } .info { color: #8ab4f8; } }
.locale { margin: 1rem 0; }
iframe { width: 100%; height: 75vh; border: 1px solid #8886; border-radius: 4px; background: Canvas; }
.stale { font-style: italic; }
`;

/** `'sha256-…'` source expression of a script or style text, for a Content-Security-Policy. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The Content-Security-Policy of the preview page: its own script and style only, frames and events from the server. */
export const PAGE_CSP = [
  "default-src 'none'",
  `script-src ${cspHash(PAGE_SCRIPT)}`,
  `style-src ${cspHash(PAGE_STYLE)}`,
  "connect-src 'self'",
  "frame-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The Content-Security-Policy a notice document is served with: the build's own policy (no script
 * at all, nothing fetched), and a sandbox, so that even a template that printed a script could not run it.
 */
export const NOTICE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; sandbox";

/** One notice as the page lists it. */
export interface PageNotice {
  /** The checked notice (diagnostics and, when valid, its documents). */
  current: PreviewedNotice;
  /** Locales of the last valid version, shown while the file is invalid. */
  shownLocales: string[];
  /** True when the documents shown are from an earlier, valid version of the file. */
  stale: boolean;
}

/** Options for {@link renderPage}. */
export interface PageOptions {
  /** Folder file names are shown relative to. */
  cwd: string;
  /** Counter of checks; the page reloads when the server's differs. */
  generation: number;
}

/** The preview page's HTML. */
export function renderPage(notices: readonly PageNotice[], options: PageOptions): string {
  const rel = (file: string) => path.relative(options.cwd, file) || file;
  const sections = notices.map((n, index) => {
    const { current } = n;
    const counts = countOf(current.diagnostics);
    const frames = n.shownLocales
      .map((locale) => `<section class="locale" lang="${escapeHtml(locale)}"><h3>${escapeHtml(locale)}</h3><iframe sandbox src="/notice/${index}/${encodeURIComponent(locale)}" title="${escapeHtml(`${rel(current.file)}, ${locale}`)}"></iframe></section>`)
      .join('\n');
    const stale = n.stale ? `<p class="stale">The file has errors: showing its last valid version.</p>` : '';
    return `<section class="notice" id="notice-${index}" data-file="${escapeHtml(current.file)}">
<h2>${escapeHtml(rel(current.file))}</h2>
<p class="summary">${escapeHtml(counts)}</p>
${diagnosticTable(current.diagnostics, rel)}
${stale}
${frames}
</section>`;
  });
  return `<!DOCTYPE html>
<html lang="en" data-generation="${options.generation}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>noticekit preview</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header><h1>noticekit preview</h1><p class="connection">${notices.length} ${notices.length === 1 ? 'notice' : 'notices'}; saved changes appear here</p></header>
<main>
${sections.join('\n')}
</main>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

function diagnosticTable(list: readonly Diagnostic[], rel: (file: string) => string): string {
  if (list.length === 0) return '';
  const rows = list.map((d) => {
    const place = `${rel(d.file)}:${d.line}:${d.column}`;
    const href = `vscode://file${encodeURI(path.resolve(d.file).startsWith('/') ? path.resolve(d.file) : `/${path.resolve(d.file)}`)}:${d.line}:${d.column}`;
    return `<tr class="diagnostic" data-code="${escapeHtml(d.code)}" data-line="${d.line}" data-column="${d.column}"><td><a href="${escapeHtml(href)}">${escapeHtml(place)}</a></td><td class="${d.severity}">${d.severity}</td><td class="message">${escapeHtml(d.message)}</td><td><code>${escapeHtml(d.code)}</code></td></tr>`;
  });
  return `<table class="diagnostics"><thead><tr><th>Place</th><th>Severity</th><th>Message</th><th>Code</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function countOf(list: readonly Diagnostic[]): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.filter((d) => d.severity === 'warning').length;
  const infos = list.length - errors - warnings;
  if (list.length === 0) return 'valid, no lint findings';
  const parts = [];
  if (errors) parts.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  if (warnings) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  if (infos) parts.push(`${infos} ${infos === 1 ? 'note' : 'notes'}`);
  return parts.join(', ');
}
