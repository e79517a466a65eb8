/**
 * Facts in free text and the strict editorial test for texts that carry facts (issue 13): what
 * counts as layout or a spelling fix, and what a change adds.
 */
import { describe, expect, it } from 'vitest';
import { diffWords, normalizeText } from '../../src/diff/diff-text.js';
import { countryMatcher, countrySpans, textFacts } from '../../src/notice/text-facts.js';
import { judgeTextEdit } from '../../src/diff/util-text-facts.js';

const judge = (a: string, b: string, locale = 'en') => {
  const x = normalizeText(a);
  const y = normalizeText(b);
  return judgeTextEdit(x, y, diffWords(x, y, locale), locale);
};

describe('textFacts', () => {
  it('finds e-mails, URLs, durations, countries, names and GDPR citations', () => {
    const f = textFacts("Nous utilisons Axeptio pour le consentement. Écrivez à dpo@exemple.fr ou https://exemple.fr/droits. Données conservées 3 ans en France et aux États-Unis (article 6.1.f du RGPD).", 'fr');
    expect(f.emails).toEqual(['dpo@exemple.fr']);
    expect(f.urls).toEqual(['https://exemple.fr/droits']);
    expect(f.durations).toEqual(['3 ans']);
    expect(f.countries.sort()).toEqual(['FR', 'US']);
    expect(f.organisations).toEqual(['Axeptio']);
    expect(f.gdpr).toEqual(['article 6.1.f du RGPD']);
  });

  it('finds phone numbers and English names, but not a German noun', () => {
    expect(textFacts('Call us on +49 30 4000 5500 or use Google Analytics.', 'en')).toMatchObject({ phones: ['+49 30 4000 5500'], organisations: ['Google Analytics'] });
    expect(textFacts('Wir speichern Daten bei der Spreetal Rechenzentrum GmbH.', 'de').organisations).toEqual(['Spreetal Rechenzentrum GmbH']);
    expect(textFacts('Die Daten werden verschlüsselt.', 'de').organisations).toEqual([]);
  });
});

describe('countrySpans', () => {
  // The search as it was: every length at every word, longest first.
  const everyLength = (text: string, locale: string) => {
    const { names, maxWords } = countryMatcher(locale);
    const words = [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const spans: { start: number; end: number; code: string }[] = [];
    for (let i = 0; i < words.length; i++) {
      for (let n = Math.min(maxWords, words.length - i); n >= 1; n--) {
        const code = names.get(text.slice(words[i]!.start, words[i + n - 1]!.end).toLowerCase().replace(/\s+/g, ' '));
        if (code) {
          spans.push({ start: words[i]!.start, end: words[i + n - 1]!.end, code });
          i += n - 1;
          break;
        }
      }
    }
    return spans;
  };

  it('finds what trying every length at every word finds', () => {
    const separators = [' ', ', ', '. ', ' and ', '-', "'", '.', ' (', '\n', ' & '];
    for (const locale of ['en', 'de', 'fr', 'el', 'tr', 'lt']) {
      const names = [...new Set([...countryMatcher(locale).names.keys()])];
      // Names as written, in capitals (Greek capital sigma changes with what follows) and run together.
      const texts = [names.join(' '), names.join(', ').toUpperCase(), names.map((n, i) => `${n}${separators[i % separators.length]}`).join('').toUpperCase()];
      for (let i = 0; i + 3 <= names.length; i += 3) texts.push(`The ${names[i]}${separators[i % separators.length]}${names[i + 1]!.toUpperCase()} or ${names[i + 2]} Islands`);
      for (const text of texts) expect(countrySpans(text, locale)).toEqual(everyLength(text, locale));
    }
  });

  it('lower case turns letters, marks and digits into letters, marks and digits only, and nothing else into one', () => {
    const word = /^[\p{L}\p{M}\p{N}]+$/u;
    const none = /^[^\p{L}\p{M}\p{N}]+$/u;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      const lower = c.toLowerCase();
      if (lower === c) continue;
      expect(word.test(c) ? word.test(lower) : none.test(lower), `U+${cp.toString(16)}`).toBe(true);
    }
  });
});

describe('judgeTextEdit', () => {
  it('layout, case and punctuation are editorial', () => {
    expect(judge('Usage data', 'usage data.').kind).toBe('layout');
  });

  it('a spelling fix or an article is editorial', () => {
    expect(judge('A provider that send reminders.', 'A provider that sends reminders.').kind).toBe('spelling');
    expect(judge('We send data to processor.', 'We send data to the processor.').kind).toBe('spelling');
    expect(judge('Die Praxis übermittelt Befunde.', 'Die Praxis übermitteln Befunde.', 'de').kind).toBe('spelling');
  });

  it('a one-character change of a digit, negation, modal, duration or name is content', () => {
    expect(judge('valid from 1 March 2025', 'valid from 1 March 2026').kind).toBe('content');
    expect(judge('We do not sell data.', 'We do sell data.').kind).toBe('content');
    expect(judge('Wir geben keine Daten weiter.', 'Wir geben Daten weiter.', 'de').kind).toBe('content');
    expect(judge('Nous ne vendons pas vos données.', 'Nous vendons vos données.', 'fr').kind).toBe('content');
    expect(judge('We may share it.', 'We must share it.').kind).toBe('content');
    expect(judge('kept for one year', 'kept for one week').kind).toBe('content');
    expect(judge('hosted by Acme Inc.', 'hosted by Acne Inc.').kind).toBe('content');
    expect(judge('write to dpo@a.example', 'write to dpa@a.example').kind).toBe('content');
    expect(judge('Email us or call us', 'Email us and call us').kind).toBe('content');
  });

  it('names the facts a text gains, and sees a list widening', () => {
    const j = judge('Cookies are managed by our platform.', 'Cookies are managed by our platform and by Axeptio SAS in France.');
    expect(j.kind).toBe('content');
    expect(j.newFacts).toEqual(expect.arrayContaining(["'Axeptio SAS'", 'FR (France)']));
    expect(judge('données d’usage', 'données d’usage, clics et parcours', 'fr')).toMatchObject({ widening: true, added: ['clics', 'et', 'parcours'] });
    expect(judge('Voice input', 'Photos').widening).toBe(false);
  });
});
