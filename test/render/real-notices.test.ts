/**
 * Real public notices nobody here wrote, modelled as a legal editor would (test/fixtures/real/,
 * origin in each folder's ORIGIN.md): the source-language Markdown keeps their sentences and adds
 * next to nothing of its own, no output has a doubled full stop, and lint reports the gaps the
 * notices really have.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintNotice } from '../../src/lint/index.js';
import { loadNotice } from '../../src/load/read-notice.js';
import { loadTemplateSet, renderHtml } from '../../src/render/html/index.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { validateNotice } from '../../src/validate/index.js';
import { fidelity } from './fidelity.js';
import { markdownText, ROOT, viewOf } from './helpers.js';

const REAL = path.join(ROOT, 'test/fixtures/real');

interface RealNotice {
  name: string;
  locale: string;
  /** Lint codes the notice must raise, each with the clause it is reported at. */
  gaps: [code: string, clause: string | undefined][];
}

const NOTICES: RealNotice[] = [
  {
    name: 'project-gutenberg',
    locale: 'en',
    gaps: [
      ['version-stated', 'project-gutenberg'],
      ['controller-identity', 'controller'],
      ['purpose-legal-basis', 'access-log-analysis'],
      ['recipients-stated', 'project-gutenberg'],
      ['complaint-right', 'rights'],
    ],
  },
  {
    name: 'feddit',
    locale: 'en',
    gaps: [
      ['controller-identity', 'controller'],
      ['purpose-legal-basis', 'account-management'],
      ['recipients-specific', 'legal-compliance'],
      ['retention-vague', 'as-long-as-necessary'],
      // Restriction is really missing; rectification is named with access ('also').
      ['rights-listed', 'rights'],
    ],
  },
  {
    name: 'air-austral',
    locale: 'fr',
    gaps: [
      ['version-stated', 'air-austral'],
      ['requirement-to-provide', 'air-austral'],
      ['retention-stated', 'air-austral'],
      ['purpose-legal-basis', 'requests'],
      ['recipients-stated', 'air-austral'],
      ['unused-category', 'web-server-log'],
      ['complaint-right', 'rights'],
    ],
  },
];

const fileOf = (n: RealNotice) => path.join(REAL, n.name, 'notice.yaml');
// The source is the published Markdown; compare its text without Markdown marks, as the output's.
const sourceOf = (n: RealNotice) => markdownText(readFileSync(path.join(REAL, n.name, 'source.md'), 'utf8'));

describe.each(NOTICES)('real notice $name', (n) => {
  it('source-language Markdown: >= 95% of the source sentences printed, >= 90% of the printed body sentences in the source', async () => {
    const f = fidelity(renderMarkdown(await viewOf(fileOf(n), n.locale)), sourceOf(n));
    expect(f.recall, f.missing.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(f.precision, f.invented.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('no output (Markdown, HTML) has a doubled full stop', async () => {
    const view = await viewOf(fileOf(n), n.locale);
    expect(renderMarkdown(view)).not.toContain('..');
    expect(renderHtml(view, await loadTemplateSet())).not.toContain('..');
  });

  it('lint reports the gaps the notice has, at their clauses', () => {
    const loaded = loadNotice(readFileSync(fileOf(n), 'utf8'), fileOf(n));
    const { notice } = validateNotice(loaded);
    expect(notice).toBeDefined();
    const found = lintNotice(loaded, notice!, { today: '2026-12-01' }).map((d) => [d.code, d.clause]);
    for (const gap of n.gaps) expect(found).toContainEqual(gap);
  });
});

describe('real notices: shapes the model holds now', () => {
  it('feddit: an item naming access and rectification counts for both (only restriction is missing)', () => {
    const file = path.join(REAL, 'feddit/notice.yaml');
    const loaded = loadNotice(readFileSync(file, 'utf8'), file);
    const messages = lintNotice(loaded, validateNotice(loaded).notice!, { today: '2026-12-01' })
      .filter((d) => d.code === 'rights-listed')
      .map((d) => d.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('right to restriction');
  });

  it('a notice that states no version or date prints no version line (Markdown, HTML)', async () => {
    for (const [name, locale] of [['project-gutenberg', 'en'], ['air-austral', 'fr']] as const) {
      const view = await viewOf(path.join(REAL, name, 'notice.yaml'), locale);
      expect(view.versionLine).toBe('');
      expect(renderMarkdown(view)).not.toMatch(/Version|en vigueur|effective/);
      expect(renderHtml(view, await loadTemplateSet())).not.toContain('class="meta"');
    }
  });
});
