/**
 * Markdown output remembers printed top-level blocks across documents; it must print exactly what
 * the plain printer prints, in every order and whatever was printed before.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NoticeView } from '../../src/model/view.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { PRAXIS, REFERENCE, ROOT, viewOf } from './helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'noticekit-md-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Markdown output', () => {
  it('prints the same with and without remembered blocks, on the notices and a generated corpus', async () => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-corpus.mjs'), '--count', '30', '--out', dir]);
    const views: NoticeView[] = [];
    for (const file of [REFERENCE, PRAXIS]) for (const locale of file === REFERENCE ? ['lv', 'en'] : ['de', 'en']) views.push(await viewOf(file, locale));
    for (const name of readdirSync(dir).sort()) {
      for (const locale of ['en', 'lv', 'de']) {
        try {
          views.push(await viewOf(path.join(dir, name), locale));
        } catch {
          // a locale the notice does not declare
        }
      }
    }
    expect(views.length).toBeGreaterThan(60);
    // Twice over, in two orders: the second pass prints mostly from memory.
    for (const order of [views, [...views].reverse()]) {
      for (const view of order) expect(renderMarkdown(view)).toBe(renderMarkdown(view, { remember: false }));
    }
  });

  it('keeps bullets apart in adjacent lists whatever was remembered', () => {
    const view = (first: string[], second: string[]): NoticeView =>
      ({
        title: 'T',
        versionLine: 'v',
        sections: [{ id: 's', heading: 'S', blocks: [{ type: 'list', items: first.map((md) => ({ md })) }, { type: 'list', items: second.map((md) => ({ md })) }] }],
      }) as unknown as NoticeView;
    const a = renderMarkdown(view(['one', 'two'], ['three']));
    const b = renderMarkdown(view(['three'], ['one', 'two']));
    expect(a).toBe(renderMarkdown(view(['one', 'two'], ['three']), { remember: false }));
    expect(b).toBe(renderMarkdown(view(['three'], ['one', 'two']), { remember: false }));
    // The second list of each switches to the other bullet, so the two lists stay two lists.
    expect(a).toMatch(/- one\n- two\n\n\* three/);
    expect(b).toMatch(/- three\n\n\* one\n\* two/);
  });
});
