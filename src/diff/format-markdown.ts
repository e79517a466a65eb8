/**
 * A Markdown report that fits a pull-request comment: the versions, a summary table, then the
 * changes (material, then to review, then editorial) as tables, and the word changes folded into `<details>`.
 */
import type { ClauseChange, NoticeDiff, WordPart } from './types.js';
import { compressParts, headline, byClass, materialRules, showInvisible, type FormatDiffOptions } from './util-format.js';

/**
 * Escape text for a Markdown table cell or paragraph (also safe as inline HTML content).
 * @param text any text
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  // A code span cannot hold a backtick run safely; ids and hashes never contain one.
  return `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

/**
 * Format a diff as Markdown.
 * @param diff the diff
 * @param options `timestamp` to print a generation time
 */
export function formatDiffMarkdown(diff: NoticeDiff, options: FormatDiffOptions = {}): string {
  const out: string[] = [];
  const { from, to, summary: s } = diff;
  out.push(`## Notice changes: ${escapeMarkdown(headline(diff))}`, '');
  out.push('| | from | to |', '|---|---|---|');
  out.push(`| file | ${code(from.file)} | ${code(to.file)} |`);
  out.push(`| version | ${escapeMarkdown(from.version)} | ${escapeMarkdown(to.version)} |`);
  out.push(`| effective date | ${escapeMarkdown(from.effectiveDate)} | ${escapeMarkdown(to.effectiveDate)} |`);
  out.push(`| sha256 | ${code(from.sha256.slice(0, 12))} | ${code(to.sha256.slice(0, 12))} |`);
  if (options.timestamp) out.push('', `Generated ${escapeMarkdown(options.timestamp)}.`);
  out.push('');
  if (diff.changes.length === 0) {
    out.push('**No differences.**', '');
    return `${out.join('\n')}\n`;
  }
  const { material, review, editorial } = byClass(diff.changes);
  out.push('| change | material | review | editorial | total |', '|---|---:|---:|---:|---:|');
  for (const kind of ['added', 'removed', 'modified', 'moved', 'renamed'] as const) {
    const m = material.filter((c) => c.kind === kind).length;
    const r = review.filter((c) => c.kind === kind).length;
    const e = editorial.filter((c) => c.kind === kind).length;
    if (m + r + e > 0) out.push(`| ${kind} | ${m} | ${r} | ${e} | ${m + r + e} |`);
  }
  out.push(`| **total** | **${s.material}** | **${s.review}** | **${s.editorial}** | **${diff.changes.length}** |`, '');
  if (material.length > 0) {
    out.push(`### Material changes (${material.length})`, '');
    out.push('Data subjects must be told about these before they take effect (WP260 rev.01, paras 29-31).', '');
    out.push('| clause | change | rule | what changed |', '|---|---|---|---|');
    for (const c of material) out.push(row(c, code(c.rule ?? '')));
    out.push('');
    out.push('<details><summary>Why these are material</summary>', '');
    for (const r of materialRules(material)) out.push(`- ${code(r.id)}: ${escapeMarkdown(r.reason)}`);
    out.push('', '</details>', '');
  }
  if (review.length > 0) {
    out.push(`### Changes to review (${review.length})`, '');
    out.push('A person must decide whether these change what the notice says about processing, and whether data subjects must be told.', '');
    out.push('| clause | change | rule | what changed |', '|---|---|---|---|');
    for (const c of review) out.push(row(c, code(c.rule ?? '')));
    out.push('');
    out.push('<details><summary>Why these need a person</summary>', '');
    for (const r of materialRules(review)) out.push(`- ${code(r.id)}: ${escapeMarkdown(r.reason)}`);
    out.push('', '</details>', '');
  }
  if (editorial.length > 0) {
    out.push(`### Editorial changes (${editorial.length})`, '');
    out.push('| clause | change | class | what changed |', '|---|---|---|---|');
    for (const c of editorial) out.push(row(c, escapeMarkdown(c.category)));
    out.push('');
  }
  const worded = diff.changes.filter((c) => c.fields.some((f) => f.words));
  if (worded.length > 0) {
    out.push('<details><summary>Word changes</summary>', '');
    const groups = byClass(worded);
    for (const c of [...groups.material, ...groups.review, ...groups.editorial]) {
      for (const f of c.fields) {
        for (const [locale, parts] of Object.entries(f.words ?? {})) {
          out.push(`- ${code(c.id)} ${escapeMarkdown(f.field)} (${escapeMarkdown(locale)}): ${redline(compressParts(parts))}`);
        }
        if (f.source) out.push(`  - ${escapeMarkdown(f.source.locale)} source text (unchanged): ${escapeMarkdown(showInvisible(f.source.text))}`);
      }
    }
    out.push('', '</details>', '');
  }
  return `${out.join('\n')}\n`;
}

function row(c: ClauseChange, rule: string): string {
  const flags: string[] = [];
  if (c.staleTranslations) flags.push(`⚠ translation not updated: ${c.staleTranslations.join(', ')}`);
  const id = c.fromId ? `${code(c.id)} (was ${code(c.fromId)})` : code(c.id);
  return `| ${id} | ${c.kind} | ${rule} | ${escapeMarkdown(c.summary)}${flags.length ? ` _(${escapeMarkdown(flags.join('; '))})_` : ''} |`;
}

function redline(parts: readonly WordPart[]): string {
  return parts
    .map(([op, raw]) => {
      const text = showInvisible(raw);
      return op === '=' ? escapeMarkdown(text) : op === '-' ? `<del>${escapeMarkdown(text)}</del>` : `<ins>${escapeMarkdown(text)}</ins>`;
    })
    .join('');
}
