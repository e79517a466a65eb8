/**
 * A value the notice did not state ("not stated": the key left out) that a new version states is
 * reported as the change it is, under the rule of what was stated.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffNotices } from '../../src/diff/index.js';
import type { Notice } from '../../src/model/notice.js';
import { FIXTURES, loadValid } from './helpers.js';

const base = loadValid(path.join(FIXTURES, 'identical/a.yaml'));
const edit = (change: (n: Record<string, any>) => void): Notice => {
  const copy = structuredClone(base) as unknown as Record<string, any>;
  change(copy);
  return copy as unknown as Notice;
};
const changes = (a: Notice, b: Notice) => diffNotices({ notice: a, file: 'a' }, { notice: b, file: 'b' }).changes.map((c) => ({ kind: c.kind, id: c.id, rule: c.rule, category: c.category, material: c.material, summary: c.summary, fields: c.fields?.map((f) => [f.field, f.rule, f.summary]) }));

describe('diff: not stated -> stated', () => {
  it('a legal basis stated for a purpose that stated none is a material legal-basis change', () => {
    const before = edit((n) => delete n.purposes[0].legalBases);
    const out = changes(before, base);
    expect(out.length).toBeGreaterThan(0);
    expect(out.every((c) => c.rule === 'legal-basis-changed' && c.material)).toBe(true);
    expect(out[0]!.summary).toContain('was not stated');
  });

  it('recipients stated (even as none) where the notice said nothing is reported', () => {
    const before = edit((n) => delete n.recipients);
    const none = edit((n) => (n.recipients = []));
    const out = changes(before, none);
    expect(out.map((c) => [c.kind, c.id, c.material, c.summary])).toEqual([['added', 'recipients', false, 'recipients: now stated as none (were not stated)']]);
    expect(changes(none, before).map((c) => [c.kind, c.rule, c.material])).toEqual([['removed', 'wider-recipients', true]]);
    expect(changes(before, base).every((c) => c.rule === 'new-recipient' && c.material)).toBe(true);
  });

  it('a retention section stated where there was none is a material retention change', () => {
    const before = edit((n) => delete n.retention);
    const out = changes(before, base);
    expect(out.length).toBeGreaterThan(0);
    expect(out.every((c) => c.rule === 'retention-extended' && c.material)).toBe(true);
    expect(out[0]!.summary).toBe('retention section added (storage periods were not stated)');
  });

  it('a safeguard whose transfer tool was not stated and now is names both', () => {
    const withTransfer = edit((n) => {
      n.transfers = { id: 'transfers', destinations: [{ id: 'india', country: 'IN', safeguard: 'clauses' }], safeguards: [{ id: 'clauses', mechanism: 'scc' }] };
    });
    const before = structuredClone(withTransfer) as any;
    delete before.transfers.safeguards[0].mechanism;
    const out = changes(before, withTransfer);
    expect(out.map((c) => c.fields?.[0]?.[2])).toEqual([expect.stringMatching(/transfer tool changed from not stated to /)]);
  });
});
