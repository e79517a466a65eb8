/**
 * Filling a phrase's placeholders, and which phrase Phrases.get takes: the notice's overrides
 * (for a clause, then for the notice) before the pack.
 */
import { describe, expect, it } from 'vitest';
import { fill, Phrases, type PhrasePack } from '../../src/model/phrases.js';

describe('fill', () => {
  it('puts each value in its placeholders, a repeated placeholder in each place', () => {
    expect(fill('{a} and {b}, then {a} again', { a: 'x', b: 'y' })).toBe('x and y, then x again');
  });

  it('returns a phrase without placeholders as it is', () => {
    expect(fill('Who we are', {})).toBe('Who we are');
    expect(fill('Braces } { alone', { a: 'x' })).toBe('Braces } { alone');
  });

  it("lets a value that ends a sentence take the place of the phrase's full stop", () => {
    expect(fill('Interests: {interests}.', { interests: 'Fraud prevention.' })).toBe('Interests: Fraud prevention.');
    expect(fill('Interests: {interests}.', { interests: 'Is it fraud? ' })).toBe('Interests: Is it fraud?');
    expect(fill('Interests: {interests}.', { interests: '_Fraud._' })).toBe('Interests: _Fraud._');
    expect(fill('Interests: {interests}.', { interests: 'Fraud prevention' })).toBe('Interests: Fraud prevention.');
    // Without a full stop after the placeholder the value is kept as it is, trailing space too.
    expect(fill('{interests} apply', { interests: 'Fraud. ' })).toBe('Fraud.  apply');
  });

  it('drops an empty slot with one separator and tidies the punctuation', () => {
    expect(fill('{street}, {city}, {country}', { city: 'Riga', country: 'Latvia' })).toBe('Riga, Latvia');
    expect(fill('{street}, {city}, {country}', { street: 'Iela 1', country: 'Latvia' })).toBe('Iela 1, Latvia');
    expect(fill('{name} ({aliases})', { name: 'ACME' })).toBe('ACME');
    expect(fill('{name} ({aliases}).', { name: 'ACME' })).toBe('ACME.');
  });

  it('fills the same phrase with other values each time', () => {
    const phrase = 'Kept for {period}.';
    expect(fill(phrase, { period: '6 months' })).toBe('Kept for 6 months.');
    expect(fill(phrase, { period: '2 years' })).toBe('Kept for 2 years.');
    expect(fill(phrase, {})).toBe('Kept for.');
  });
});

describe('Phrases.get', () => {
  const pack: PhrasePack = { locale: 'en', file: 'en.yaml', phrases: new Map([['retention.period', 'Kept for {period}.'], ['headings.rights', 'Your rights']]) };

  it('takes the pack when the notice overrides nothing', () => {
    const phrases = new Phrases('en', pack);
    expect(phrases.get('headings.rights')).toBe('Your rights');
    expect(phrases.get('retention.period', { period: '1 year' }, 'rule-1')).toBe('Kept for 1 year.');
    expect(() => phrases.get('headings.none')).toThrow(/has no phrase 'headings.none'/);
  });

  it("takes a clause's override, then the notice's, then the pack", () => {
    const phrases = new Phrases('en', pack, {
      'retention.period': { en: 'Stored for {period}.' },
      'rule-2:retention.period': { en: 'Rule 2 keeps it for {period}.', de: 'Regel 2: {period}.' },
    });
    expect(phrases.get('retention.period', { period: '1 year' }, 'rule-1')).toBe('Stored for 1 year.');
    expect(phrases.get('retention.period', { period: '1 year' }, 'rule-2')).toBe('Rule 2 keeps it for 1 year.');
    expect(phrases.get('retention.period', { period: '1 year' })).toBe('Stored for 1 year.');
    expect(phrases.get('headings.rights')).toBe('Your rights');
    expect(new Phrases('de', pack, { 'retention.period': { en: 'Stored for {period}.' } }).get('retention.period', { period: '1 Jahr' })).toBe('Kept for 1 Jahr.');
  });
});
