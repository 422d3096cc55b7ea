import type { GlossaryEntry, RichText } from './glossary-types.js';

/** An entry's text in one language. */
export interface LocalizedText {
  /** The language the text is in: the requested one, or the glossary's own when there is no translation. */
  readonly locale: string;
  /** True when the text is a translation (SD Glossary's), false when it is the source text. */
  readonly translated: boolean;
  readonly headword: string;
  readonly summary: string;
  readonly definition: RichText;
  readonly gloss?: RichText;
}

/**
 * The text of an entry in a language, falling back to the source text. `en-US` finds `en`.
 * @param entry - the entry.
 * @param locale - a BCP 47 tag, or `undefined` for the source text.
 * @param sourceLocale - the language of the entry's own text (the glossary's `locale`).
 * @returns the translation when there is one for the language, else the source text.
 */
export function localizeEntry(entry: GlossaryEntry, locale: string | undefined, sourceLocale: string): LocalizedText {
  const language = (tag: string): string => tag.toLowerCase().split('-')[0]!;
  if (locale !== undefined && language(locale) !== language(sourceLocale) && entry.translations) {
    const key =
      Object.keys(entry.translations).find((k) => k.toLowerCase() === locale.toLowerCase()) ??
      Object.keys(entry.translations).find((k) => language(k) === language(locale));
    const translation = key === undefined ? undefined : entry.translations[key];
    if (key !== undefined && translation) {
      return {
        locale: key,
        translated: true,
        headword: translation.headword,
        summary: translation.summary,
        definition: translation.definition,
        ...(translation.gloss && { gloss: translation.gloss }),
      };
    }
  }
  return {
    locale: sourceLocale,
    translated: false,
    headword: entry.headword,
    summary: entry.summary,
    definition: entry.definition,
    ...(entry.gloss && { gloss: entry.gloss }),
  };
}
