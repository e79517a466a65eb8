/**
 * The package's public API (src/index.ts) loads, validates, renders, lints and diffs a notice.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('public API', () => {
  it('takes a notice from YAML text to Markdown, lint findings and a diff', async () => {
    const file = path.join(ROOT, 'notices/praxisportal.yaml');
    const loaded = api.loadNotice(readFileSync(file), file);
    const { notice, diagnostics } = api.validateNotice(loaded);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const pack = await api.loadPhrasePack('en');
    const markdown = api.renderMarkdown(api.buildView(notice!, new api.Phrases('en', pack!, notice!.phrases)));
    expect(markdown).toMatch(/^# /);
    expect(typeof api.lintNotice).toBe('function');
    expect(typeof api.diffNotices).toBe('function');
    expect(typeof api.build).toBe('function');
    expect(Object.keys(api.DIAGNOSTIC_CODES)).toContain('unknown-key');
  });
});
