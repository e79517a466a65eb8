/**
 * Check keys that go together or exclude each other within one object (the schema could say some
 * of this, but not in words an editor understands).
 */
import { formatPath, type KeyPath } from '../../notice/path.js';
import type { CheckFinding, ValidationCheck } from '../types.js';

/** Check `key-combinations`. */
export const keyCombinations: ValidationCheck = {
  id: 'key-combinations',
  codes: ['missing-key', 'conflicting-keys'],
  summary: 'A destination, clause, safeguard and retention rule give the keys they need, and not two that exclude each other.',
  check({ byDef }) {
    const out: CheckFinding[] = [];
    // One kind after the other: the validator sorts findings by place, so their order here is moot.
    for (const def of COMBINED) {
      const same = byDef.get(def) ?? [];
      for (let i = 0; i < same.length; i++) {
        const entry = same[i]!;
        const { value } = entry;
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) combinations(def, value as Record<string, unknown>, entry, out);
      }
    }
    return out;
  },
};

/** The definitions {@link combinations} checks (keep in step with it). */
const COMBINED = ['Destination', 'Clause', 'Safeguard', 'RetentionRule'];

function combinations(def: string, value: Record<string, unknown>, entry: { readonly path: KeyPath }, out: CheckFinding[]): void {
  // Path and place are written only into messages, so made only for an object that has a problem.
  let written: string | undefined;
  const where = () => (written ??= formatPath(entry.path));
  const missing = (message: string) => out.push({ code: 'missing-key', message, path: entry.path, at: 'key' });
  const conflict = (message: string, key: string) => out.push({ code: 'conflicting-keys', message, path: [...entry.path, key], at: 'key' });
  if (def === 'Destination') {
    if (value.country === undefined && value.organisation === undefined) missing(`${where()} needs either 'country' (an ISO code such as 'US') or 'organisation'; add one.`);
    if (value.country !== undefined && value.organisation !== undefined) conflict(`${where()} gives both 'country' and 'organisation'; keep one (make two destinations if both apply).`, 'organisation');
  } else if (def === 'Clause') {
    if (value.after === undefined && value.afterClause === undefined) missing(`${where()} does not say where it goes; add 'after' (a section such as 'purposes') or 'afterClause' (a clause id).`);
    if (value.after !== undefined && value.afterClause !== undefined) conflict(`${where()} gives both 'after' and 'afterClause'; keep one.`, 'afterClause');
  } else if (def === 'Safeguard') {
    if (value.mechanism === 'derogation' && value.derogation === undefined) missing(`${where()} is a derogation but does not say which point of Art. 49(1) applies; add 'derogation', e.g. '49(1)(a)'.`);
    if (value.mechanism !== 'derogation' && value.derogation !== undefined) conflict(`${where()} gives 'derogation' but its mechanism is '${String(value.mechanism)}'; remove 'derogation' or set 'mechanism: derogation'.`, 'derogation');
  } else if (def === 'RetentionRule') {
    if (['period', 'trigger', 'law', 'criteria'].every((k) => value[k] === undefined)) missing(`${where()} says nothing about how long; add 'period' (e.g. 'P6M'), 'trigger', 'law' or 'criteria'.`);
  }
}
