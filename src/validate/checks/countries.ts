/**
 * Check country codes against the assigned ISO 3166-1 list (the schema only checks the form).
 */
import type { ValidationCheck } from '../types.js';

/** Codes that look like ISO 3166-1 alpha-2 but are not countries (Intl still names them). */
const NOT_COUNTRIES = new Set(['AC', 'CP', 'DG', 'EA', 'EU', 'EZ', 'IC', 'QO', 'TA', 'UN', 'XA', 'XB', 'ZZ']);
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const countryCodes = new Map<string, boolean>();

/** True if `code` is an assigned ISO 3166-1 alpha-2 country code (XK, Kosovo, is accepted as the EU uses it). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return false;
  // Asking Intl is slow next to a lookup, and there are only 676 two-letter codes.
  let known = countryCodes.get(code);
  if (known === undefined) {
    const name = regionNames.of(code);
    known = name !== undefined && name !== code;
    countryCodes.set(code, known);
  }
  return known;
}

/** Check `countries-assigned`. */
export const countriesAssigned: ValidationCheck = {
  id: 'countries-assigned',
  codes: ['unknown-country'],
  summary: 'Every country is an assigned ISO 3166-1 code.',
  check({ byDef }) {
    return (byDef.get('Country') ?? [])
      .filter(({ value }) => typeof value === 'string' && /^[A-Z]{2}$/.test(value) && !isCountryCode(value))
      .map(({ value, path }) => ({
        code: 'unknown-country',
        message: `'${String(value)}' is not an assigned ISO 3166-1 country code; check the code (e.g. 'GR' for Greece, 'GB' for the United Kingdom).`,
        path,
      }));
  },
};
