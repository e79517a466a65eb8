/**
 * Small readers over a notice shared by the rules: legal bases, clause ids, texts and their keys.
 */
import { createHash } from 'node:crypto';
import type { Contact, Notice, Purpose } from '../../model/notice.js';
import { formatPath, valueAt } from '../../notice/path.js';
import { walkNotice } from '../../notice/schema.js';
import type { Path, TextEntry } from '../types.js';

/** The GDPR provisions a purpose relies on, e.g. `['6(1)(b)', '9(2)(h)']`. */
export function basesOf(purpose: Purpose): string[] {
  return (purpose.legalBases ?? []).map((b) => b.gdpr);
}

/** Every GDPR provision any purpose of the notice relies on. */
export function allBases(notice: Notice): Set<string> {
  return new Set(notice.purposes.flatMap(basesOf));
}

/** True when a contact block offers at least one channel. */
export function hasChannel(contact: Contact | undefined): boolean {
  return Boolean(contact && (contact.email || contact.phone || contact.web || contact.post));
}

/** Key paths of the `contactVia` entries (the controller's, the rights') that send people to `role`. */
export function contactViaPaths(notice: Notice, role: string): Path[] {
  const via: [string[] | undefined, Path][] = [
    [notice.controller.contactVia, ['controller', 'contactVia']],
    [notice.rights.exercise?.contactVia, ['rights', 'exercise', 'contactVia']],
  ];
  return via.flatMap(([list, path]) => {
    const i = list?.indexOf(role) ?? -1;
    return i >= 0 ? [[...path, i]] : [];
  });
}

/** True for an Art. 13 notice (`art13` or `both`). */
export function isArt13(notice: Notice): boolean {
  return notice.noticeType === 'art13' || notice.noticeType === 'both';
}

/** True for an Art. 14 notice (`art14` or `both`). */
export function isArt14(notice: Notice): boolean {
  return notice.noticeType === 'art14' || notice.noticeType === 'both';
}

/**
 * Index of the deepest object on `path` (the path itself included) that has an `id`.
 * @returns a prefix length of `path`; 0 for the notice root
 */
export function clauseDepth(notice: Notice, path: Path): number {
  for (let i = path.length; i > 0; i--) {
    const v = valueAt(notice, path.slice(0, i));
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { id?: unknown }).id === 'string') return i;
  }
  return 0;
}

/** Id of the clause a key path is in: the nearest object with an `id`, or the notice id. */
export function clauseOf(notice: Notice, path: Path): string {
  const depth = clauseDepth(notice, path);
  return depth === 0 ? notice.id : String((valueAt(notice, path.slice(0, depth)) as { id: string }).id);
}

/**
 * Every text of a notice in document order, each with its stable key: the id of the clause that
 * holds it and the field path below that clause (`support.description`,
 * `controller.address.countryName`); texts of the notice itself keep their field path (`title`,
 * `phrases.legalBasis.citation`). Keys survive reordering, because clause ids do.
 */
export function collectTexts(notice: Notice): TextEntry[] {
  const out: TextEntry[] = [];
  walkNotice(notice, ({ value, path, def, slot }) => {
    if (def !== 'Text' || value === null || typeof value !== 'object') return;
    const depth = clauseDepth(notice, path.slice(0, -1));
    const clause = depth === 0 ? notice.id : String((valueAt(notice, path.slice(0, depth)) as { id: string }).id);
    const key = depth === 0 ? formatPath(path) : `${clause}.${formatPath(path.slice(depth))}`;
    out.push({ key, path: [...path], clause, slot: slot ?? '', text: value as Record<string, string> });
  });
  return out;
}

/** Locales other than the source locale, in the order the notice declares them. */
export function targetLocales(notice: Notice): string[] {
  return notice.locales.filter((l) => l !== notice.sourceLocale);
}

/** Text normalised before hashing: NFC, runs of white space as one space, trimmed. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The hash a translation review records for a source text: the first 12 hex digits of the
 * SHA-256 of the normalised text. Changes of white space only (re-wrapping) keep the hash.
 */
export function hashText(text: string): string {
  return createHash('sha256').update(normalizeText(text), 'utf8').digest('hex').slice(0, 12);
}

/** Country name in English, e.g. `Switzerland` for `CH` (from Intl.DisplayNames). */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Primary language subtag of a BCP 47 tag: `de` for `de-AT`. */
export function languageOf(locale: string): string {
  return locale.split('-')[0]!.toLowerCase();
}
