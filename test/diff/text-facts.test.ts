/**
 * Facts in free text and the strict editorial test for texts that carry facts (issue 13): what
 * counts as layout or a spelling fix, and what a change adds.
 */
import { describe, expect, it } from 'vitest';
import { diffWords, normalizeText } from '../../src/diff/diff-text.js';
import { textFacts } from '../../src/notice/text-facts.js';
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
