/**
 * `noticekit import FILE`: a draft notice YAML from an existing notice in Markdown, HTML or Word.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { importNotice, measureImport, sourceFormat } from '../../import/index.js';
import { IMPORT_LANGUAGES } from '../../import/recognise.js';
import { loadNotice } from '../../load/read-notice.js';
import { writeFileAtomic } from '../../util-fs.js';
import { validateNotice } from '../../validate/index.js';
import { ExitError, useColor, UsageError } from '../io.js';
import { draftValidity, NOTICE_ID, schemaPathFor } from '../notice-file.js';
import { defineCommand } from './types.js';

const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

export const importCommand = defineCommand({
  name: 'import',
  synopsis: ['noticekit import FILE [--out FILE] [options]'],
  description: `Reads an existing notice (.md, .html or .docx) and writes a draft notice YAML: headings become
sections, bullet lists become categories, purposes, recipients or rights where their heading or
the sentence before them says so, GDPR citations become legal bases, e-mail addresses and phone
numbers contacts, country names transfer destinations, and everything else free clauses in
place. '# TODO' comments mark what a person must decide; where the source says nothing about
something a notice requires, the draft stops validating exactly there.
Headings and lead-in sentences are recognised in ${IMPORT_LANGUAGES.join(', ')}.`,
  options: {
    out: { type: 'string', arg: 'FILE', help: 'write the draft to FILE (default: stdout); never replaces an existing file' },
    force: { type: 'boolean', help: 'replace FILE if it exists (written atomically either way)' },
    locale: { type: 'string', arg: 'L', choices: IMPORT_LANGUAGES, help: "the source's language (default: guessed from its words)" },
    id: { type: 'string', arg: 'ID', ...NOTICE_ID, help: "the notice id (default: from the source's file name)" },
    stats: { type: 'boolean', help: "print on stderr the share of the source's sentences the draft's rendering\nreproduces and the share of its facts the draft holds in structured fields" },
    'no-color': { type: 'boolean', help: 'plain text even on a terminal' },
  },
  footer: `Exit status: 0 draft written (check its TODOs), 1 unreadable source or existing FILE, 2 usage error.
Next: edit the TODOs, then noticekit validate FILE and noticekit lint FILE.`,
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'Name the file to import.' : 'Import one file at a time.');
    const file = positionals[0]!;
    const format = sourceFormat(file);
    if (!format) throw new UsageError(`'${file}' is not a .md, .html or .docx file.`);
    const id = values.id ?? defaultId(file);
    const source = path.resolve(io.cwd, file);
    const out = values.out === undefined ? undefined : path.resolve(io.cwd, values.out);
    if (out && !values.force && existsSync(out)) throw new ExitError(1, `${values.out} exists; use --force to replace it.`);

    let data: Buffer;
    try {
      data = await readFile(source);
    } catch (error) {
      throw new ExitError(1, `cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
    }
    if (data.byteLength > MAX_SOURCE_BYTES) throw new ExitError(1, `${file} is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MiB.`);
    let imported;
    try {
      imported = await importNotice(data, format, { id, today: new Date().toISOString().slice(0, 10), schemaPath: schemaPathFor(out ?? path.join(io.cwd, 'notices', `${id}.yaml`)), ...(values.locale ? { locale: values.locale } : {}) });
    } catch (error) {
      if (error instanceof TypeError && /encoded data was not valid/.test(error.message)) throw new ExitError(1, `${file} is not valid UTF-8 text.`);
      if (format === 'docx') throw new ExitError(1, `cannot read ${file} as a Word document: ${(error as Error).message}`);
      throw error;
    }
    for (const m of imported.messages) io.stderr.write(`${file}: ${m}\n`);

    const shownName = values.out ?? `${id}.yaml`;
    const checked = validateNotice(loadNotice(imported.yaml, shownName));
    const errors = checked.diagnostics.filter((d) => d.severity === 'error');
    if (out) await writeAtomically(out, imported.yaml, values.force);
    else io.stdout.write(imported.yaml);

    const color = useColor(io, values['no-color']);
    const todos = imported.draft.todos.length;
    io.stderr.write(`${out ? `wrote ${values.out}` : 'draft written to stdout'} (${imported.locale}, ${imported.blocks.length} source blocks, ${todos} ${todos === 1 ? 'TODO' : 'TODOs'}).\n`);
    io.stderr.write(draftValidity('draft', errors, shownName, imported.yaml, color));
    if (values.stats) {
      const m = await measureImport(imported.blocks, imported.yaml, imported.locale);
      const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)} %`);
      io.stderr.write(
        `sentences reproduced: ${m.reproduced === undefined ? 'n/a (the draft does not validate)' : `${m.reproduced}/${m.sentences} (${pct(m.reproduced, m.sentences)})`}\n` +
          `facts held structured: ${m.structured}/${m.facts} (${pct(m.structured, m.facts)}): ${Object.entries(m.factKinds)
            .map(([k, [f, s]]) => `${k} ${s}/${f}`)
            .join(', ')}\n`,
      );
    }
    return 0;
  },
});

function defaultId(file: string): string {
  const base = path
    .basename(file)
    .replace(/\.[^.]+$/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join('-')
    .slice(0, 64)
    .replace(/-+$/, '');
  return /^[a-z]/.test(base) ? base : `notice${base ? `-${base}` : ''}`;
}

/** Write `file` atomically (src/util-fs.ts); without `force`, an existing file is kept, even one that appeared meanwhile. */
async function writeAtomically(file: string, text: string, force: boolean): Promise<void> {
  try {
    await writeFileAtomic(file, text, { noReplace: !force });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ExitError(1, `${file} exists; use --force to replace it.`);
    throw new ExitError(1, `cannot write ${file}: ${(error as Error).message}`);
  }
}

