/**
 * A standalone redline page for auditors: both versions identified (notice id, version,
 * effective date, SHA-256), a summary, then every change with `<del>`/`<ins>` word changes.
 * Everything is escaped; no script and no external resource (a CSP meta tag enforces it); the
 * page is byte-for-byte reproducible unless a timestamp is asked for.
 */
import type { ClauseChange, FieldChange, NoticeDiff, WordPart } from './types.js';
import { byClass, CLASS_TITLES, flattenValue, headline, materialRules, showInvisible, type FormatDiffOptions } from './util-format.js';
import { escapeHtml } from '../render/html/escape.js';

export { escapeHtml };

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1rem;margin:0 0 .3rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right}code{font-size:.9em;word-break:break-all}
article{border-left:4px solid #999;padding:.4rem .8rem;margin:1rem 0;background:#fafafa}
article.material{border-color:#b00020}article.review{border-color:#b26a00}
.tag{display:inline-block;font-size:.8em;padding:0 .4em;border:1px solid #999;border-radius:3px;margin-left:.4em}
.material .tag.rule{border-color:#b00020;color:#b00020}.review .tag.rule{border-color:#b26a00;color:#7a4800}
.why,.flags{font-size:.9em;color:#444}
dl{margin:.3rem 0}dt{font-weight:600;font-size:.9em}dd{margin:0 0 .4rem 1rem}
del{background:#fde2e2;color:#8a1010}ins{background:#dff5e1;color:#0b5a1b;text-decoration:none;border-bottom:1px solid #0b5a1b}
del.clause,ins.clause{display:block;padding:.2rem .4rem}
`.trim();

/**
 * Format a diff as a standalone HTML page.
 * @param diff the diff
 * @param options `timestamp` to print a generation time
 */
export function formatDiffHtml(diff: NoticeDiff, options: FormatDiffOptions = {}): string {
  const e = escapeHtml;
  const { from, to } = diff;
  const out: string[] = [];
  out.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${e(`Notice changes: ${headline(diff)}`)}</title>`, `<style>${STYLE}</style>`, '</head>', '<body>');
  out.push('<header>', `<h1>${e(`Changes to the privacy notice ${to.id}`)}</h1>`);
  out.push('<table class="sides">', '<tr><th></th><th>From</th><th>To</th></tr>');
  const sideRow = (label: string, a: string, b: string, asCode = false) => {
    const cell = (v: string) => (asCode ? `<code>${e(v)}</code>` : e(v));
    out.push(`<tr><th>${e(label)}</th><td>${cell(a)}</td><td>${cell(b)}</td></tr>`);
  };
  sideRow('Notice id', from.id, to.id, true);
  sideRow('Version', from.version, to.version);
  sideRow('Effective date', from.effectiveDate, to.effectiveDate);
  sideRow('File', from.file, to.file, true);
  sideRow('SHA-256', from.sha256, to.sha256, true);
  out.push('</table>');
  if (options.timestamp) out.push(`<p class="generated">Generated ${e(options.timestamp)}</p>`);
  out.push('</header>', '<main>');

  out.push('<section class="summary">', '<h2>Summary</h2>');
  if (diff.changes.length === 0) out.push('<p>No differences.</p>');
  else {
    const { material, review, editorial } = byClass(diff.changes);
    out.push('<table>', '<tr><th>Change</th><th>Material</th><th>Review</th><th>Editorial</th><th>Total</th></tr>');
    for (const kind of ['added', 'removed', 'modified', 'moved', 'renamed'] as const) {
      const m = material.filter((c) => c.kind === kind).length;
      const r = review.filter((c) => c.kind === kind).length;
      const ed = editorial.filter((c) => c.kind === kind).length;
      out.push(`<tr><td>${kind}</td><td class="n">${m}</td><td class="n">${r}</td><td class="n">${ed}</td><td class="n">${m + r + ed}</td></tr>`);
    }
    out.push(`<tr><th>total</th><th class="n">${material.length}</th><th class="n">${review.length}</th><th class="n">${editorial.length}</th><th class="n">${diff.changes.length}</th></tr>`, '</table>');
  }
  out.push('</section>');

  const groups = byClass(diff.changes);
  let n = 0;
  const section = (title: string, note: string, list: ClauseChange[]) => {
    if (list.length === 0) return;
    out.push(`<section>`, `<h2>${e(title)} (${list.length})</h2>`, `<p>${e(note)}</p>`);
    for (const c of list) out.push(article(c, ++n));
    out.push('</section>');
  };
  for (const { cls, title, note } of CLASS_TITLES) section(title, note, groups[cls]);
  const rules = materialRules(diff.changes);
  if (rules.length > 0) {
    out.push('<section>', '<h2>Classification rules applied</h2>', '<dl>');
    for (const r of rules) out.push(`<dt><code>${e(r.id)}</code></dt><dd>${e(r.trigger)} ${e(r.reason)}</dd>`);
    out.push('</dl>', '</section>');
  }
  out.push('</main>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}

function article(c: ClauseChange, n: number): string {
  const e = escapeHtml;
  const out: string[] = [];
  out.push(`<article class="change ${c.class} ${c.kind}" id="change-${n}">`);
  const was = c.fromId ? ` <span class="was">(was <code>${e(c.fromId)}</code>)</span>` : '';
  const tag = c.class !== 'editorial' ? `<span class="tag rule">${e(c.rule ?? '')}</span>` : `<span class="tag">${e(c.category)}</span>`;
  out.push(`<h3><code>${e(c.id)}</code>${was} <span class="tag kind">${c.kind}</span>${tag}</h3>`);
  out.push(`<p class="summary">${e(c.summary)}</p>`);
  const flags: string[] = [];
  if (c.translationOnly) flags.push('Translation only: the source-language text is unchanged.');
  if (c.staleTranslations) flags.push(`Translation not updated: ${c.staleTranslations.join(', ')}.`);
  if (flags.length > 0) out.push(`<p class="flags">${e(flags.join(' '))}</p>`);
  if (c.reason) out.push(`<p class="why">${e(c.reason)}</p>`);
  if (c.kind === 'added' || c.kind === 'removed') {
    const tagName = c.kind === 'added' ? 'ins' : 'del';
    const rows = flattenValue(c.kind === 'added' ? c.after : c.before);
    if (rows.length > 0) {
      out.push('<dl>');
      for (const r of rows) {
        const lang = r.locale ? ` lang="${e(r.locale)}"` : '';
        out.push(`<dt>${e(r.field)}${r.locale ? ` (${e(r.locale)})` : ''}</dt><dd${lang}><${tagName} class="clause">${e(r.text)}</${tagName}></dd>`);
      }
      out.push('</dl>');
    }
  }
  if (c.fields.length > 0) {
    out.push('<dl>');
    for (const f of c.fields) out.push(...fieldRows(f));
    out.push('</dl>');
  }
  out.push('</article>');
  return out.join('\n');
}

function fieldRows(f: FieldChange): string[] {
  const e = escapeHtml;
  const name = f.field || 'clause';
  if (f.words) {
    const rows = Object.entries(f.words).map(([locale, parts]) => `<dt>${e(name)} (${e(locale)})</dt><dd lang="${e(locale)}">${redline(parts)}</dd>`);
    if (f.source) rows.push(`<dt>${e(name)} (${e(f.source.locale)}, source text, unchanged)</dt><dd lang="${e(f.source.locale)}" class="source">${e(showInvisible(f.source.text)).replace(/\n/g, '<br>')}</dd>`);
    return rows;
  }
  const show = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const before = show(f.before);
  const after = show(f.after);
  const parts = [before ? `<del class="value">${e(before)}</del>` : '', after ? `<ins class="value">${e(after)}</ins>` : ''].filter(Boolean);
  return [`<dt>${e(name)}</dt><dd>${parts.join(' → ')} <span class="why">${e(f.summary)}</span></dd>`];
}

function redline(parts: readonly WordPart[]): string {
  return parts
    .map(([op, text]) => {
      const html = escapeHtml(showInvisible(text)).replace(/\n/g, '<br>');
      return op === '=' ? html : op === '-' ? `<del>${html}</del>` : `<ins>${html}</ins>`;
    })
    .join('');
}
