/** The 24 official languages of the EU, then the EEA's Icelandic and Norwegian: the built-in phrase packs. */
export const PACK_LANGUAGES = ['bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv', 'is', 'no'];

/** The 24 official languages of the EU. */
export const EU_LANGUAGES = PACK_LANGUAGES.filter((l) => l !== 'is' && l !== 'no');
