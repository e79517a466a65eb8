/**
 * The notice types and the schema agree: the generated types are current, a `Notice` literal with
 * the required keys type-checks (`npx tsc -p test/tsconfig.json`) and passes the schema, and one
 * without them does not type-check.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadNotice } from '../../src/load/read-notice.js';
import type { Notice } from '../../src/model/notice.js';
import { validateNotice } from '../../src/validate/validate-notice.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The smallest notice: every required key, once. Checked by the compiler against `Notice`. */
const minimal = {
  id: 'minimal',
  version: '1.0',
  effectiveDate: '2024-03-01',
  noticeType: 'art13',
  locales: ['en'],
  sourceLocale: 'en',
  title: { en: 'Privacy notice' },
  controller: { id: 'controller', name: 'Example Ltd', address: { country: 'IE' }, contact: { email: 'privacy@example.com' } },
  purposes: [{ id: 'support', description: { en: 'Support.' }, legalBases: [{ id: 'contract', gdpr: '6(1)(b)' }] }],
  categories: [{ id: 'email', label: { en: 'E-mail address' } }],
  recipients: [],
  retention: { id: 'retention', rules: [{ id: 'all', period: 'P6M' }] },
  rights: { id: 'rights', items: [{ id: 'access', right: 'access' }], exercise: { id: 'exercise' } },
  complaints: { id: 'complaints' },
} satisfies Notice;

// @ts-expect-error a notice without its required keys is not a Notice
const incomplete: Notice = { id: 'incomplete', version: '1.0' };

// @ts-expect-error a key the schema does not have is not allowed (additionalProperties: false)
const extraKey: Notice = { ...minimal, titel: { en: 'typo' } };

describe('types and schema', () => {
  it('src/model/notice.generated.ts is current (scripts/gen-types.mjs --check)', () => {
    // Throws, failing the test, if the script exits non-zero.
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-types.mjs'), '--check'], { cwd: ROOT, stdio: 'pipe' });
  });

  it('the minimal Notice literal is a valid notice', () => {
    const result = validateNotice(loadNotice(YAML.stringify(minimal), 'minimal.yaml'));
    expect(result.diagnostics).toEqual([]);
    expect(result.notice).toEqual(minimal);
  });

  it('what the types reject, the schema rejects', () => {
    for (const bad of [incomplete, extraKey]) {
      const codes = validateNotice(loadNotice(YAML.stringify(bad))).diagnostics.map((d) => d.code);
      expect(codes.some((c) => c === 'missing-key' || c === 'unknown-key')).toBe(true);
    }
  });
});
