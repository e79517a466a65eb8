/**
 * The questions `noticekit init` asks (or reads from flags), each with its check. An answer is
 * checked the moment it is given, against the same rules `noticekit validate` applies to the field
 * it fills, so a typed or flagged answer never becomes a validation error later.
 */
import { createRequire } from 'node:module';
import { hasPhrasePack } from '../model/phrases.js';
import { holdsHiddenCharacter } from '../notice/characters.js';
import { noticeSchema } from '../notice/schema.js';
import { checkMarkdown } from '../validate/check-markdown.js';
import { isCountryCode } from '../validate/index.js';
import { languageTagState } from '../validate/checks/locales.js';

const require = createRequire(import.meta.url);
// The formats the validator uses (ajv-formats, full mode): an address or date init accepts validates.
const { fullFormats } = require('ajv-formats/dist/formats') as { fullFormats: { email: RegExp; date: { validate(s: string): boolean } } };

/** What the person answered; a field left out was not answered (the draft then has a TODO there). */
export interface Answers {
  id: string;
  locales: string[];
  sourceLocale: string;
  title?: string;
  controller: string;
  country?: string;
  email?: string;
  noticeType?: 'art13' | 'art14' | 'both';
  version?: string;
  effectiveDate?: string;
}

/** The result of checking one answer: its value, or what it must be ("must be ..."). */
export type Checked = { value: string | string[] } | { error: string };

/** One question: the field it fills, the flag that answers it, and its check. */
export interface Question {
  key: keyof Answers;
  /** The option that answers it without a terminal, without `--`. */
  flag: string;
  /** The question on a terminal. */
  prompt: string;
  /** Without an answer init writes nothing (exit 2 without a terminal, asked again on one). */
  required: boolean;
  /** @param answers the answers so far (earlier questions) */
  check(raw: string, answers: Partial<Answers>): Checked;
  /** An earlier answer the check depends on. */
  needs?: keyof Answers;
  /** Not asked on a terminal when this says so (a flag that answers it is still checked). */
  skip?(answers: Partial<Answers>): boolean;
  /** The answer an empty reply takes, shown in brackets (never a legal fact). */
  fallback?(answers: Partial<Answers>): string | undefined;
  /** Said back after a good answer, e.g. the country's name for its code. */
  echo?(value: string | string[]): string | undefined;
}

const schema = noticeSchema();
const ID = { pattern: new RegExp(schema.$defs!.Id!.pattern!), maxLength: schema.$defs!.Id!.maxLength as number };
const VERSION = new RegExp(schema.properties!.version!.pattern!);
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** One line of text as the notice's texts allow it: not empty, no hidden characters, safe Markdown. */
const text = (max: number, what: string) => (raw: string): Checked => {
  if (raw === '') return { error: `must not be empty (${what})` };
  if (raw.length > max) return { error: `must be at most ${max} characters (${what})` };
  if (/[\n\r\t]/.test(raw) || holdsHiddenCharacter(raw)) return { error: 'must be one line of text without control or invisible characters' };
  if (checkMarkdown(raw).length > 0) return { error: 'must be text or Markdown without raw HTML, images or links other than https:, http:, mailto: and tel:' };
  return { value: raw };
};

/** The questions in the order they are asked. */
export const QUESTIONS: readonly Question[] = [
  {
    key: 'id',
    flag: 'id',
    prompt: "Notice id (short lower-case words joined by hyphens, such as 'privacy-notice')",
    required: true,
    check: (raw) => (ID.pattern.test(raw) && raw.length <= ID.maxLength ? { value: raw } : { error: "must be short lower-case words joined by hyphens, such as 'privacy-notice', at most 64 characters" }),
  },
  {
    key: 'locales',
    flag: 'locales',
    prompt: 'Languages the notice is published in (comma-separated, such as de,en)',
    required: true,
    check(raw) {
      const tags = [...new Set(raw.split(/[\s,]+/).filter(Boolean))];
      if (tags.length === 0) return { error: "must list one or more language tags, such as 'de,en'" };
      for (const tag of tags) {
        if (languageTagState(tag) !== true) return { error: `must list language tags such as 'en', 'de' or 'de-AT'; '${tag}' is not one` };
        if (!hasPhrasePack(tag)) return { error: `must list languages noticekit has a phrase pack for (templates/locales/); there is none for '${tag}'` };
      }
      return { value: tags };
    },
    echo: (v) => (v as string[]).map((t) => languageNames.of(t) ?? t).join(', '),
  },
  {
    key: 'sourceLocale',
    flag: 'source-locale',
    prompt: 'Language it is written in (the others are translations)',
    required: true,
    needs: 'locales',
    skip: (a) => (a.locales?.length ?? 0) <= 1,
    fallback: (a) => a.locales?.[0],
    check: (raw, a) => (a.locales?.includes(raw) ? { value: raw } : { error: `must be one of the --locales (${a.locales?.join(', ')})` }),
  },
  {
    key: 'title',
    flag: 'title',
    prompt: 'Title of the notice, in the language it is written in (empty: a TODO)',
    required: false,
    check: text(300, 'the title'),
  },
  {
    key: 'controller',
    flag: 'controller',
    prompt: "Controller's legal name (who decides why and how the data are processed)",
    required: true,
    check: text(200, 'the legal name'),
  },
  {
    key: 'country',
    flag: 'country',
    prompt: "Controller's country, as a two-letter ISO code such as DE (empty: no address)",
    required: false,
    check: (raw) => (isCountryCode(raw.toUpperCase()) ? { value: raw.toUpperCase() } : { error: "must be a two-letter ISO 3166-1 country code such as 'DE' (Greece is 'GR')" }),
    echo: (v) => regionNames.of(v as string),
  },
  {
    key: 'email',
    flag: 'email',
    prompt: "Controller's e-mail address for privacy questions (empty: a TODO)",
    required: false,
    check: (raw) => (raw.length <= 254 && fullFormats.email.test(raw) ? { value: raw } : { error: "must be an e-mail address such as 'privacy@example.com'" }),
  },
  {
    key: 'noticeType',
    flag: 'type',
    prompt: 'Where the data come from: art13 (from the person), art14 (from elsewhere) or both (empty: a TODO)',
    required: false,
    check: (raw) => (['art13', 'art14', 'both'].includes(raw) ? { value: raw } : { error: "must be 'art13', 'art14' or 'both'" }),
  },
  {
    key: 'version',
    flag: 'notice-version',
    prompt: 'Version of the notice, such as 1.0 (empty: a TODO)',
    required: false,
    check: (raw) => (VERSION.test(raw) ? { value: raw } : { error: "must be a short version label such as '1.0' or '2024-03' (letters, digits, dots, hyphens)" }),
  },
  {
    key: 'effectiveDate',
    flag: 'effective-date',
    prompt: 'Date from which it applies, YYYY-MM-DD (empty: a TODO)',
    required: false,
    check: (raw) => (fullFormats.date.validate(raw) ? { value: raw } : { error: "must be a real date written YYYY-MM-DD, such as '2025-03-01'" }),
  },
];

/** The answers that name something, said back in words: `ACME GmbH, Germany; German (source), English`. */
export function describeAnswers(a: Answers): string {
  const languages = a.locales.map((l) => `${languageNames.of(l) ?? l}${a.locales.length > 1 && l === a.sourceLocale ? ' (source)' : ''}`);
  return `${a.controller}${a.country ? `, ${regionNames.of(a.country) ?? a.country}` : ''}; ${languages.join(', ')}`;
}
