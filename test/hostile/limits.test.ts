/**
 * Every limit exists, fails with a clear, positioned error just past its value (and not at it),
 * and SECURITY.md states the value the code uses.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_DIAGNOSTICS_PER_FILE } from '../../src/diagnostics.js';
import { loadNotice, MAX_DEPTH, MAX_FILE_BYTES } from '../../src/load/read-notice.js';
import { loadPhrasePack, Phrases } from '../../src/model/phrases.js';
import { buildView } from '../../src/model/view.js';
import { loadTemplateSet, templateData } from '../../src/render/html/index.js';
import { MAX_PARTIAL_DEPTH, MAX_RENDER_MS, MAX_RENDER_STEPS, MAX_TEMPLATE_OUTPUT } from '../../src/render/html/templates.js';
import { checkMarkdown, MAX_MARKDOWN_DELIMITERS, MAX_MARKDOWN_DEPTH, MAX_MARKDOWN_LINES } from '../../src/validate/check-markdown.js';
import { noticeSchema } from '../../src/notice/schema.js';
import { validateNotice } from '../../src/validate/validate-notice.js';
import { cli, REFERENCE, ROOT, tree } from './helpers.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-limits-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const reference = readFileSync(REFERENCE, 'utf8');
const TITLE_EN = '  en: Privacy notice for technical support by chat, e-mail and phone';
const codesOf = (text: string) => validateNotice(loadNotice(text, 'limits.yaml')).diagnostics.map((d) => d.code);

/** [name in SECURITY.md, value in the code]. */
function limits(): [string, number][] {
  const schema = noticeSchema();
  const props = schema.properties as Record<string, { maxItems?: number }>;
  const defs = schema.$defs as Record<string, { maxProperties?: number; additionalProperties?: { maxLength?: number } }>;
  return [
    ['MAX_FILE_BYTES', MAX_FILE_BYTES],
    ['MAX_DEPTH', MAX_DEPTH],
    ['Text maxLength', defs.Text!.additionalProperties!.maxLength!],
    ['purposes maxItems', props.purposes!.maxItems!],
    ['categories maxItems', props.categories!.maxItems!],
    ['recipients maxItems', props.recipients!.maxItems!],
    ['clauses maxItems', props.clauses!.maxItems!],
    ['locales maxItems', props.locales!.maxItems!],
    ['MAX_MARKDOWN_DEPTH', MAX_MARKDOWN_DEPTH],
    ['MAX_MARKDOWN_LINES', MAX_MARKDOWN_LINES],
    ['MAX_MARKDOWN_DELIMITERS', MAX_MARKDOWN_DELIMITERS],
    ['MAX_DIAGNOSTICS_PER_FILE', MAX_DIAGNOSTICS_PER_FILE],
    ['MAX_TEMPLATE_OUTPUT', MAX_TEMPLATE_OUTPUT],
    ['MAX_RENDER_STEPS', MAX_RENDER_STEPS],
    ['MAX_RENDER_MS', MAX_RENDER_MS],
    ['MAX_PARTIAL_DEPTH', MAX_PARTIAL_DEPTH],
  ];
}

describe('limits', () => {
  it('are stated in SECURITY.md with the values the code uses', () => {
    const doc = readFileSync(path.join(ROOT, 'SECURITY.md'), 'utf8');
    for (const [name, value] of limits()) {
      const row = doc.split('\n').find((line) => line.startsWith('|') && line.includes(`\`${name}\``));
      expect(row, `a table row for ${name}`).toBeDefined();
      expect(row!.replace(/[ _,]/g, ''), name).toContain(String(value));
    }
    expect(doc).toMatch(/--print-timeout[^\n]*30000/);
  });

  it('file size: accepted at the limit, refused one byte over it', () => {
    const padded = (size: number) => reference + '#'.repeat(size - Buffer.byteLength(reference) - 1) + '\n';
    expect(Buffer.byteLength(padded(MAX_FILE_BYTES))).toBe(MAX_FILE_BYTES);
    expect(codesOf(padded(MAX_FILE_BYTES))).not.toContain('file-too-large');
    expect(codesOf(padded(MAX_FILE_BYTES + 1))).toEqual(['file-too-large']);
  });

  it('text length: accepted at the limit, refused one character over it', () => {
    const max = (noticeSchema().$defs as Record<string, { additionalProperties: { maxLength: number } }>).Text!.additionalProperties.maxLength;
    expect(codesOf(reference.replace(TITLE_EN, `  en: ${'a'.repeat(max)}`))).not.toContain('too-long');
    expect(codesOf(reference.replace(TITLE_EN, `  en: ${'a'.repeat(max + 1)}`))).toContain('too-long');
  });

  it('Markdown nesting, lines and emphasis marks per text: accepted at the limit, refused past it', () => {
    const codes = (text: string) => checkMarkdown(text).map((p) => p.code);
    expect(codes(`${'- '.repeat(MAX_MARKDOWN_DEPTH)}x`)).toEqual([]);
    expect(codes(`${'- '.repeat(MAX_MARKDOWN_DEPTH + 1)}x`)).toEqual(['markdown-too-complex']);
    expect(codes(`${'>'.repeat(MAX_MARKDOWN_DEPTH + 1)} x`)).toEqual(['markdown-too-complex']);
    expect(codes(Array.from({ length: MAX_MARKDOWN_LINES }, (_, i) => `line ${i}`).join('\n'))).toEqual([]);
    expect(codes(Array.from({ length: MAX_MARKDOWN_LINES + 1 }, (_, i) => `line ${i}`).join('\n'))).toEqual(['markdown-too-complex']);
    expect(codes('_a'.repeat(MAX_MARKDOWN_DELIMITERS))).toEqual([]);
    expect(codes('_a'.repeat(MAX_MARKDOWN_DELIMITERS + 1))).toEqual(['markdown-too-complex']);
  });

  it(`diagnostics per file: at most ${MAX_DIAGNOSTICS_PER_FILE}, then one note counting the rest`, async () => {
    const file = path.join(scratch, 'many-errors.yaml');
    writeFileSync(file, reference + Array.from({ length: 300 }, (_, i) => `unknown${i}: 1\n`).join(''));
    const result = await cli(['validate', '--format', 'json', file]);
    expect(result.code).toBe(1);
    const reported = JSON.parse(result.stdout) as { code: string; message: string }[];
    expect(reported).toHaveLength(MAX_DIAGNOSTICS_PER_FILE + 1);
    const note = reported.filter((d) => d.code === 'too-many-diagnostics');
    expect(note).toHaveLength(1);
    expect(note[0]!.message).toMatch(/^200 more problems/);
  });

  it('template output: a document over the limit is refused, naming the template', async () => {
    const dir = path.join(scratch, 'templates-big');
    mkdirSync(dir, { recursive: true });
    // A footer of nine million characters of static text: few steps, too much output.
    const notice = readFileSync(path.join(ROOT, 'templates/notice.html.hbs'), 'utf8').replace('</main>', `</main><p>${'x'.repeat(9_000_000)}</p>`);
    writeFileSync(path.join(dir, 'notice.html.hbs'), notice);
    const out = path.join(scratch, 'out-big');
    const result = await cli(['build', REFERENCE, '--out', out, '--formats', 'html', '--no-cache', '--templates', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`produced more than ${MAX_TEMPLATE_OUTPUT} characters`));
    expect(result.stderr).toMatch(/notice\.html\.hbs/);
    expect(result.stderr).toMatch(/template-error/);
    expect(tree(out).size).toBe(0);
  });

  it('render time per document: a render over its time is stopped with a clear error', async () => {
    const notice = validateNotice(loadNotice(reference, 'reference.yaml')).notice!;
    const view = buildView(notice, new Phrases('en', (await loadPhrasePack('en'))!, notice.phrases));
    const templates = await loadTemplateSet();
    expect(() => templates.render('notice.html', templateData(view, false), { timeoutMs: 0 })).toThrow(/took longer than 0 ms/);
    // And the same render, within its time, succeeds.
    expect(templates.render('notice.html', templateData(view, false))).toMatch(/^<!DOCTYPE html>/);
  });
});
