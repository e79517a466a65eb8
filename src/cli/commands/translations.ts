/**
 * `noticekit translations status|mark-reviewed FILE...`: which translations were reviewed against
 * the current source text, and recording a review.
 */
import { readFile, realpath } from 'node:fs/promises';
import { writeFileAtomic } from '../../util-fs.js';
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics.js';
import { loadNotice } from '../../load/read-notice.js';
import { markReviewed, MarkError, translationReport, type ReviewStatus } from '../../lint/index.js';
import { formatDiagnostics } from '../../report/format-diagnostics.js';
import { locate } from '../../notice/locate.js';
import { checkNoticeFiles, validateNotice, type CheckedFile } from '../../validate/index.js';
import { ExitError, useColor, UsageError, type CliIO } from '../io.js';
import { defineCommand } from './types.js';

export const translationsCommand = defineCommand({
  name: 'translations',
  synopsis: ['noticekit translations status FILE... [--locale L] [--format text|json]', 'noticekit translations mark-reviewed FILE... [--locale L]... [--id CLAUSE-ID]...'],
  description: `status          lists, per translated locale, the texts whose source text changed since their
                translation was reviewed (stale) and those never reviewed (unreviewed)
mark-reviewed   records that the translations were reviewed against the current source texts:
                all of them, or only --locale L and/or the texts inside clause --id CLAUSE-ID.
                Writes the notice's translationReviews section; the rest of the file is kept
                as it is, comments included.`,
  options: {
    locale: { type: 'string', arg: 'L', multiple: true, help: 'a translated locale (repeatable)' },
    id: { type: 'string', arg: 'ID', multiple: true, help: "a clause id, e.g. a purpose's (repeatable; mark-reviewed only)" },
    format: { type: 'string', arg: 'F', choices: ['text', 'json'], default: 'text', help: 'text (default) or json (status only)' },
    'no-color': { type: 'boolean', help: 'plain text even on a terminal' },
  },
  footer: `Exit status: 0 done, 1 invalid notice, 2 usage error.
Next: noticekit lint FILE (reports stale translations as warnings).`,
  async run({ values, positionals: operands }, io) {
    const [sub, ...positionals] = operands;
    if (sub !== 'status' && sub !== 'mark-reviewed') {
      throw new UsageError(sub === undefined ? 'Say what to do: status or mark-reviewed.' : `Unknown subcommand '${sub}'; use status or mark-reviewed.`);
    }
    if (positionals.length === 0) throw new UsageError('Name the notice file(s).');
    if (sub === 'status' && values.id.length > 0) throw new UsageError('--id only applies to mark-reviewed.');
    const checked = await checkNoticeFiles(positionals.map((f) => path.resolve(io.cwd, f)));
    const invalid = checked.filter((c) => !c.notice);
    if (invalid.length > 0) {
      const list = invalid.flatMap((c) => c.diagnostics.map((d) => ({ ...d, file: positionals[checked.indexOf(c)]! })));
      io.stderr.write(formatDiagnostics(list, { color: useColor(io, values['no-color']), sources: new Map(invalid.map((c) => [positionals[checked.indexOf(c)]!, c.loaded.text])) }));
      throw new ExitError(1, 'fix the notice first (noticekit validate).');
    }
    const locales = values.locale.length > 0 ? values.locale : undefined;
    const ids = values.id.length > 0 ? values.id : undefined;
    return sub === 'status' ? status(checked, positionals, locales, values.format === 'json', io) : mark(checked, positionals, locales, ids, io);
  },
});

function status(checked: CheckedFile[], files: string[], locales: string[] | undefined, json: boolean, io: CliIO): number {
  const rows: { file: string; sourceLocale: string; locale: string; key: string; clause: string; status: ReviewStatus; line: number; column: number }[] = [];
  const text: string[] = [];
  checked.forEach((c, i) => {
    const notice = c.notice!;
    for (const l of locales ?? []) {
      if (!notice.locales.includes(l) || l === notice.sourceLocale) throw new UsageError(`${files[i]} has no translation into '${l}'.`);
    }
    const { states } = translationReport(notice);
    text.push(`${files[i]} (source: ${notice.sourceLocale})`);
    for (const locale of notice.locales.filter((l) => l !== notice.sourceLocale && (!locales || locales.includes(l)))) {
      const mine = states.filter((s) => s.locale === locale);
      const count = (st: ReviewStatus) => mine.filter((s) => s.status === st).length;
      text.push(`  ${locale}: ${count('reviewed')} reviewed, ${count('stale')} stale, ${count('unreviewed')} unreviewed${count('missing') ? `, ${count('missing')} missing` : ''}`);
      const open = mine.filter((s) => s.status !== 'reviewed').sort((a, b) => order(a.status) - order(b.status));
      const width = Math.max(0, ...open.map((s) => s.entry.key.length));
      for (const s of open) {
        const place = locate(c.loaded, s.status === 'missing' ? s.entry.path : [...s.entry.path, locale]);
        rows.push({ file: files[i]!, sourceLocale: notice.sourceLocale, locale, key: s.entry.key, clause: s.entry.clause, status: s.status, line: place.line, column: place.column });
        text.push(`    ${s.status.padEnd(10)}  ${s.entry.key.padEnd(width)}  ${place.line}:${place.column}`);
      }
    }
  });
  io.stdout.write(json ? `${JSON.stringify(rows, null, 2)}\n` : `${text.join('\n')}\n`);
  return 0;
}

function order(s: ReviewStatus): number {
  return ['missing', 'stale', 'unreviewed', 'reviewed'].indexOf(s);
}

async function mark(checked: CheckedFile[], files: string[], locales: string[] | undefined, ids: string[] | undefined, io: CliIO): Promise<number> {
  for (const [i, c] of checked.entries()) {
    const raw = await readFile(c.file, 'utf8');
    const bom = raw.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
    let result;
    try {
      result = markReviewed(c.loaded.text, c.notice!, { ...(locales ? { locales } : {}), ...(ids ? { ids } : {}) });
    } catch (error) {
      if (error instanceof MarkError) throw new UsageError(`${files[i]}: ${error.message}`);
      throw error;
    }
    // Never write a file that would no longer validate.
    const again = validateNotice(loadNotice(result.text, files[i]));
    if (!again.notice) {
      const first: Diagnostic | undefined = again.diagnostics.find((d) => d.severity === 'error');
      throw new ExitError(1, `the updated ${files[i]} would not validate (${first?.code ?? 'unknown'}: ${first?.message ?? ''}); nothing was written`);
    }
    // Through a temporary file and a rename: a crash mid-write leaves the old notice whole. A
    // link to the notice stays a link: the file it points at is the one replaced.
    await writeFileAtomic(await realpath(c.file), bom + result.text, { keepMode: true, durable: true, dirExists: true });
    const parts = Object.entries(result.marked).map(([l, n]) => `${n} ${l} ${n === 1 ? 'text' : 'texts'}${result.wasStale[l] ? ` (${result.wasStale[l]} stale before)` : ''}`);
    io.stderr.write(`${files[i]}: marked ${parts.join(', ') || 'nothing'} as reviewed${result.removed ? `; removed ${result.removed} outdated ${result.removed === 1 ? 'record' : 'records'}` : ''}.\n`);
  }
  return 0;
}
