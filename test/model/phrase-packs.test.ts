/**
 * The built-in phrase packs: one for each official EU language and for the EEA's Icelandic and
 * Norwegian, each with exactly the keys of the English pack and the same placeholders in every
 * phrase, and a provenance header saying where the wording comes from.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInPhrasePack, DEFAULT_TEMPLATES_DIR } from '../../src/model/phrases.js';
import { PACK_LANGUAGES } from '../helpers/languages.js';


const placeholders = (phrase: string) => [...phrase.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((m) => m[1]!).sort();

describe('phrase packs', () => {
  const shipped = readdirSync(path.join(DEFAULT_TEMPLATES_DIR, 'locales')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
  const en = builtInPhrasePack('en')!;

  it('ship one pack for each official EU language and for is and no, and no others', () => {
    expect([...shipped].sort()).toEqual([...PACK_LANGUAGES].sort());
  });

  for (const lang of PACK_LANGUAGES) {
    it(`${lang}: has exactly the keys of en, with the same placeholders, and says where its wording comes from`, () => {
      const pack = builtInPhrasePack(lang);
      expect(pack, `templates/locales/${lang}.yaml`).toBeDefined();
      const keys = [...pack!.phrases.keys()].sort();
      const expected = [...en.phrases.keys()].sort();
      expect(keys.filter((k) => !en.phrases.has(k)), 'keys en does not have').toEqual([]);
      expect(expected.filter((k) => !pack!.phrases.has(k)), 'keys missing').toEqual([]);
      for (const key of expected) {
        expect(placeholders(pack!.phrases.get(key)!), `${lang} ${key}`).toEqual(placeholders(en.phrases.get(key)!));
      }
      expect(pack!.phrases.get('locale')).toBe(lang);
      expect(pack!.provenance?.source.length ?? 0).toBeGreaterThan(40);
      for (const key of pack!.provenance!.unchecked) {
        // Every entry names a key or key prefix of the pack (or `*` for all).
        expect(key === '*' || expected.some((k) => k === key || k.startsWith(`${key}.`)), `${lang} unchecked '${key}'`).toBe(true);
      }
    });
  }
});
