/* Generated from schema/glossary.schema.json by scripts/gen-types.ts. Do not edit: change the schema and run `pnpm gen:types`. */

/**
 * A glossary of Stable Diffusion / AI image generation jargon, as built by @sd-glossary/data from a human-edited markdown page.
 */
export interface Glossary {
  /**
   * The schema this document follows (this file's $id).
   */
  $schema: string;
  /**
   * Version of the package that built this document (semver). Always present in the built-in glossary.
   */
  version?: string;
  /**
   * BCP 47 tag of the language the definitions are written in.
   */
  locale: string;
  license?: License;
  source?: SourcePage;
  /**
   * One entry per concept, sorted by id.
   */
  entries: GlossaryEntry[];
  /**
   * Surface forms that deliberately name more than one entry; any other form shared by two entries is an error.
   */
  sharedForms?: SharedForm[];
  /**
   * Translations of the glossary text, by SD Glossary. Each is a translation of the GFDL text and itself GFDL-1.3-or-later; the source text stays in the entries.
   */
  translations?: TranslationSource[];
}
/**
 * The licence of the glossary text (not of the code that ships it).
 *
 * This interface was referenced by `Glossary`'s JSON-Schema
 * via the `definition` "license".
 */
export interface License {
  /**
   * SPDX expression of the text's licence.
   */
  spdx: string;
  /**
   * Copyright and licence notice to carry with the text.
   */
  notice: string;
  /**
   * Where the licence text can be read.
   */
  url: string;
}
/**
 * Where the glossary text comes from.
 *
 * This interface was referenced by `Glossary`'s JSON-Schema
 * via the `definition` "sourcePage".
 */
export interface SourcePage {
  /**
   * Title of the source page.
   */
  title: string;
  /**
   * Public URL of the source page.
   */
  url: string;
  /**
   * Path of the source markdown, relative to the package root.
   */
  file: string;
}
/**
 * One concept of the glossary. `definition` is the full text (the concept's section, or its table row); `gloss` is the table row's short explanation, present only when the concept also has a section of its own.
 *
 * This interface was referenced by `Glossary`'s JSON-Schema
 * via the `definition` "entry".
 */
export interface GlossaryEntry {
  /**
   * Stable ASCII identifier (kebab-case).
   */
  id: string;
  /**
   * The term as the page heads it.
   */
  headword: string;
  /**
   * Where the page defines the concept: a row of the jargon (黑话) tables, or a concept section of its own.
   */
  category: 'jargon' | 'concept';
  /**
   * Every surface form of the term, the headword first.
   *
   * @minItems 1
   */
  forms: [SurfaceForm, ...SurfaceForm[]];
  toolNames?: ToolNames;
  /**
   * The spelling to write in prose (`LoRA`, `DreamBooth`): curated by SD Glossary in the overlay. One of the entry's forms. Present with `discouraged`.
   */
  preferred?: string;
  /**
   * Spellings of the entry's forms that prose should not use (`Lora`, `Dreambooth`), matched as written, case included: a language server reports them with the preferred one. Curated by SD Glossary in the overlay.
   *
   * @minItems 1
   */
  discouraged?: [string, ...string[]];
  /**
   * One line of plain text that sums the entry up.
   */
  summary: string;
  gloss?: RichText;
  definition: RichText;
  /**
   * Links given in the definition (and gloss), in order.
   */
  links: Link[];
  /**
   * Who wrote the entry. page, or absent: the source page (its text is the page's); editorial: SD Glossary, for a term the page lacks, with the primary sources it rests on in `references`. Editorial entries are GFDL-1.3-or-later like the page.
   */
  origin?: 'page' | 'editorial';
  /**
   * The primary sources an editorial entry rests on (the paper, the project's own documentation, the book page that uses the word), in order. Every editorial entry has at least one.
   *
   * @minItems 1
   */
  references?: [Link, ...Link[]];
  /**
   * Ids of related entries. Curated by SD Glossary: the source page has no cross-references.
   */
  seeAlso: string[];
  /**
   * Where the entry is written: the section first when there is one, then the table row. For an editorial entry, its section in SD Glossary's editorial page.
   *
   * @minItems 1
   */
  sources: [SourceLocation, ...SourceLocation[]];
  /**
   * The entry in other languages, keyed by BCP 47 tag (`en`).
   */
  translations?: {
    [k: string]: Translation | undefined;
  };
}
/**
 * One way the term is written.
 *
 * This interface was referenced by `Glossary`'s JSON-Schema
 * via the `definition` "form".
 */
export interface SurfaceForm {
  /**
   * The form as written.
   */
  text: string;
  /**
   * headword: the term itself; alias: another name or abbreviation; english: an English name or expansion.
   */
  kind: 'headword' | 'alias' | 'english';
  /**
   * page: written on the source page (in the term cell, the heading, or the entry's own text); editorial: added by SD Glossary in the overlay.
   */
  origin: 'page' | 'editorial';
  /**
   * false when the form is too common a word to be flagged in running text; lookup and search still find it.
   */
  scan?: boolean;
  pinyin?: Pinyin;
}
/**
 * Pinyin of a form that contains Chinese characters, computed at build time.
 *
 * This interface was referenced by `Glossary`'s JSON-Schema
 * via the `definition` "pinyin".
 */
export interface Pinyin {
  /**
   * Toneless syllables separated by spaces, e.g. "zha lu".
   */
  full: string;
  /**
   * First letter of each syllable, e.g. "zl".
   */
  initials: string;
}
/**
 * What the entry is called in each tool people set it in, curated by SD Glossary in the overlay from the tools' own code and docs. For a sampler or scheduler: the AUTOMATIC1111 web UI's label, ComfyUI's sampler_name or scheduler value, the diffusers scheduler class or arguments. For a generation parameter: A1111's infotext key (or its UI label when the infotext has none), the ComfyUI node input (Node.input), the diffusers pipeline argument, and the kohya sd-scripts option. null: the tool has none; kohya absent: not curated (samplers and schedulers).
 *
 * This interface was referenced by `Glossary`'s JSON-Schema
 * via the `definition` "toolNames".
 */
export interface ToolNames {
  a1111: string | null;
  comfyui: string | null;
  diffusers: string | null;
  /**
   * The kohya-ss/sd-scripts command-line option (training or gen_img_diffusers.py), for a generation or training parameter.
   */
  kohya?: string | null;
}
/**
 * A text in markdown and in plain text.
 *
 * This interface was referenced by `Glossary`'s JSON-Schema
 * via the `definition` "richText".
 */
export interface RichText {
  /**
   * CommonMark + GFM, as written in the source.
   */
  markdown: string;
  /**
   * The same text without markup.
   */
  text: string;
}
/**
 * A link from a definition, or a reference of an editorial entry.
 *
 * This interface was referenced by `Glossary`'s JSON-Schema
 * via the `definition` "link".
 */
export interface Link {
  /**
   * The link text.
   */
  title: string;
  /**
   * Target.
   */
  url: string;
  /**
   * An archived copy of the target, when the page gives one.
   */
  archiveUrl?: string;
}
/**
 * A place in the source markdown.
 *
 * This interface was referenced by `Glossary`'s JSON-Schema
 * via the `definition` "sourceLocation".
 */
export interface SourceLocation {
  /**
   * Path relative to the package root.
   */
  file: string;
  /**
   * 1-based line of the heading or table row.
   */
  line: number;
  /**
   * Text of the heading the entry sits under.
   */
  heading: string;
  /**
   * Slug of that heading, as the page's site makes it.
   */
  anchor: string;
  /**
   * The heading on the published page, when the page is published.
   */
  url?: string;
}
/**
 * An entry's text in another language.
 *
 * This interface was referenced by `Glossary`'s JSON-Schema
 * via the `definition` "translation".
 */
export interface Translation {
  /**
   * The term's name in that language.
   */
  headword: string;
  /**
   * One line of plain text: the first sentence of the definition.
   */
  summary: string;
  gloss?: RichText;
  definition: RichText;
}
/**
 * A surface form that names several entries on purpose.
 *
 * This interface was referenced by `Glossary`'s JSON-Schema
 * via the `definition` "sharedForm".
 */
export interface SharedForm {
  /**
   * The form (any spelling that has the same lookup key).
   */
  form: string;
  /**
   * The entries it names.
   *
   * @minItems 2
   */
  ids: [string, string, ...string[]];
  /**
   * Why the form is shared.
   */
  reason: string;
}
/**
 * One translation of the glossary.
 *
 * This interface was referenced by `Glossary`'s JSON-Schema
 * via the `definition` "translationSource".
 */
export interface TranslationSource {
  /**
   * BCP 47 tag.
   */
  locale: string;
  /**
   * The translation's source markdown, relative to the package root.
   */
  file: string;
  /**
   * Who translated it, and its licence.
   */
  notice: string;
}
