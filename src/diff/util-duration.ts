/**
 * ISO 8601 durations as the schema allows them (`P2Y`, `P6M`, `P4W`, `P30D`, combined), compared
 * numerically: `P1Y` equals `P12M`, `P4W` equals `P28D`.
 */

import { parseDuration as parseIsoDuration } from '../model/format.js';

/** A duration split into calendar months and days (years folded into months, weeks into days). */
export interface Duration {
  months: number;
  days: number;
}

// Mean Gregorian month, used only to order a month-based against a day-based period.
const DAYS_PER_MONTH = 365.2425 / 12;

/**
 * Parse `PnYnMnWnD`.
 * @param text an ISO 8601 duration such as `P6M`
 * @returns undefined when the text is not such a duration
 */
export function parseDuration(text: unknown): Duration | undefined {
  if (typeof text !== 'string') return undefined;
  const d = parseIsoDuration(text);
  return d && { months: d.years * 12 + d.months, days: d.weeks * 7 + d.days };
}

/**
 * Order two durations.
 * @returns negative when `a` is shorter, 0 when equal, positive when `a` is longer; undefined if either is not a duration
 */
export function compareDurations(a: unknown, b: unknown): number | undefined {
  const x = parseDuration(a);
  const y = parseDuration(b);
  if (!x || !y) return undefined;
  if (x.months === y.months && x.days === y.days) return 0;
  return x.months * DAYS_PER_MONTH + x.days - (y.months * DAYS_PER_MONTH + y.days);
}

/**
 * Describe a duration in English words, e.g. `P2Y` -> `2 years`, `P1Y6M` -> `1 year 6 months`.
 * @param text an ISO 8601 duration
 */
export function durationWords(text: unknown): string {
  const d = parseDuration(text);
  if (!d) return String(text);
  const parts: string[] = [];
  const add = (n: number, unit: string) => {
    if (n > 0) parts.push(`${n} ${unit}${n === 1 ? '' : 's'}`);
  };
  add(Math.floor(d.months / 12), 'year');
  add(d.months % 12, 'month');
  add(d.days, 'day');
  return parts.length > 0 ? parts.join(' ') : '0 days';
}
