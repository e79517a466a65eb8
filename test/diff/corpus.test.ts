/**
 * The labelled corpus of real changes (issue 13): pairs of published versions of real privacy
 * notices from Open Terms Archive, modelled as notices (test/fixtures/diff-real/<pair>/, origin in
 * each ORIGIN.md), each change labelled by hand in labels.json. Every change labelled material or
 * review must be reported as material or review; at most 10 % of the editorial labels may be
 * reported otherwise. The table in README.md must be the one this run computes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeClass } from '../../src/diff/types.js';
import { diffFiles, ROOT } from './helpers.js';

const CORPUS = path.join(ROOT, 'test/fixtures/diff-real');

interface Label {
  id: string;
  kind: string;
  label: ChangeClass;
  reason: string;
}

const pairs = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const results = pairs.map((pair) => {
  const labels = (JSON.parse(readFileSync(path.join(CORPUS, pair, 'labels.json'), 'utf8')) as { changes: Label[] }).changes;
  const diff = diffFiles(path.join(CORPUS, pair, 'old.yaml'), path.join(CORPUS, pair, 'new.yaml'));
  return { pair, labels, diff };
});

/** `material 2, review 1` for a list of classes (classes with no change left out). */
function counts(classes: ChangeClass[]): string {
  return (['material', 'review', 'editorial'] as const)
    .map((c) => [c, classes.filter((x) => x === c).length] as const)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
}

describe('labelled corpus of real changes', () => {
  it('has at least 10 pairs, each with its origin and a reason for every label', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(10);
    for (const { pair, labels } of results) {
      const origin = readFileSync(path.join(CORPUS, pair, 'ORIGIN.md'), 'utf8');
      expect(origin, pair).toMatch(/Old version: commit `[0-9a-f]{40}` \(\d{4}-\d{2}-\d{2}\)/);
      expect(origin, pair).toMatch(/New version: commit `[0-9a-f]{40}` \(\d{4}-\d{2}-\d{2}\)/);
      expect(labels.length, pair).toBeGreaterThan(0);
      for (const l of labels) expect(l.reason.length, `${pair} ${l.id}`).toBeGreaterThan(10);
    }
  });

  it('reports exactly the labelled changes', () => {
    for (const { pair, labels, diff } of results) {
      const reported = diff.changes.map((c) => `${c.id} ${c.kind}`).sort();
      expect(reported, pair).toEqual(labels.map((l) => `${l.id} ${l.kind}`).sort());
    }
  });

  it('recall 100 % on material and review labels; at most 10 % of editorial labels reported otherwise', () => {
    let editorial = 0;
    let editorialOff = 0;
    for (const { pair, labels, diff } of results) {
      for (const l of labels) {
        const c = diff.changes.find((x) => x.id === l.id && x.kind === l.kind)!;
        if (l.label === 'editorial') {
          editorial++;
          if (c.class !== 'editorial') editorialOff++;
        } else {
          expect(c.class, `${pair} ${l.id}: labelled ${l.label}, reported ${c.class} (${c.summary})`).not.toBe('editorial');
        }
      }
    }
    expect(editorial).toBeGreaterThanOrEqual(5);
    expect(editorialOff / editorial).toBeLessThanOrEqual(0.1);
  });

  it('README.md holds the table this run computes', () => {
    const rows = results.map(({ pair, labels, diff }) => {
      const reported = labels.map((l) => diff.changes.find((x) => x.id === l.id && x.kind === l.kind)!.class);
      return `| ${pair} | ${labels.length} | ${counts(labels.map((l) => l.label))} | ${counts(reported)} |`;
    });
    const readme = readFileSync(path.join(CORPUS, 'README.md'), 'utf8');
    const table = readme.split('\n').filter((line) => /^\| [a-z0-9-]+ \| \d+ \|/.test(line));
    expect(table).toEqual(rows);
  });
});
