import type {
  Glossary,
  GlossaryEntry,
  License,
  Link,
  SharedForm,
  SourcePage,
  SurfaceForm,
  ToolNames,
} from '../glossary-types.js';
import { createBook, type BookExcerpt, type BookPageInput, type BookSelector } from './book.js';
import { checkGlossary } from './check.js';
import type { GlossaryIssue, SourcePosition } from './issues.js';
import { parseJsonSource, type JsonPath } from './json-source.js';
import { pageLimitIssues } from './limits.js';
import {
  kindOf,
  parseGlossaryMarkdown,
  type DraftEntry,
  type DraftLink,
  type ParsedPage,
  type ParseOptions,
} from './markdown.js';
import { pinyinOf } from './pinyin.js';
import { glossarySchema, glossarySchemaIssues, schemaIssues, schemaValidators } from './schemas.js';
import { idFromText } from './slug.js';
import { createTermMatcher } from '../term-matcher.js';
import { hasCjk } from '../tokenize.js';

/** What SD Glossary adds to one entry (see schema/overlay.schema.json). */
export interface OverlayEntry {
  headword: string;
  namesInText?: string[];
  aliases?: string[];
  noScan?: string[];
  seeAlso?: string[];
  preferred?: string;
  discouraged?: string[];
  toolNames?: ToolNames;
  /** The book's text for the entry: sections or blocks of its other pages, appended in order. */
  book?: BookSelector[];
}

/** The overlay file: additions to the page, all marked in the built data. */
export interface Overlay {
  entries: Record<string, OverlayEntry>;
  sharedForms?: SharedForm[];
}

/** Inputs of `buildGlossary`. */
export interface BuildGlossaryOptions {
  /** Text of the glossary page. */
  readonly markdown: string;
  /** Its path, as recorded in `sources` and reported in issues. */
  readonly markdownFile: string;
  /** Text of the overlay JSON, if any. */
  readonly overlay?: string;
  /** Its path, as reported in issues. */
  readonly overlayFile?: string;
  /** Language of the definitions. */
  readonly locale: string;
  /** Version to record (the building package's). */
  readonly version?: string;
  /** Licence of the text. */
  readonly license?: License;
  /** Where the page is published; heading links in `sources` are made from its URL. */
  readonly source?: SourcePage;
  /** Translations of the page, each keyed to the entry ids by `{#id}` after every term. */
  readonly translations?: readonly TranslationInput[];
  /** SD Glossary's own entries, for terms the page lacks (see `EditorialInput`). */
  readonly editorial?: EditorialInput;
  /** The book's other pages, which the overlay's `book` selectors take text from. */
  readonly book?: readonly BookPageInput[];
}

/**
 * SD Glossary's editorial page: the page's layout, every entry a section that ends with a line
 * `来源：[title](https://…)` citing its primary sources. Its entries are marked `origin: 'editorial'`;
 * the overlay and the translations apply to them as to the page's.
 */
export interface EditorialInput {
  /** The editorial page's markdown. */
  readonly markdown: string;
  /** Its path, as recorded in `sources` and reported in issues. */
  readonly file: string;
}

/** One translation file given to `buildGlossary`. */
export interface TranslationInput {
  /** BCP 47 tag, e.g. `en`. */
  readonly locale: string;
  /** The translation's markdown, in the page's layout, every term and heading ending with `{#id}`. */
  readonly markdown: string;
  /** Its path, as recorded and reported. */
  readonly file: string;
  /** Who translated it, and its licence. */
  readonly notice: string;
}

/** What `buildGlossary` produced. */
export interface BuildGlossaryResult {
  /** The document, or `undefined` when there were issues. */
  readonly glossary: Glossary | undefined;
  /** Every problem found, in source order per file. */
  readonly issues: GlossaryIssue[];
  /**
   * Where a part of the document is written: the entry's row or section, a form's or a link's own
   * place, an overlay field.
   * @param path - a path into the document, e.g. `['entries', 3, 'links', 0, 'url']`.
   * @returns the closest known position; the page's first line for a path it does not know.
   */
  locate(path: JsonPath): SourcePosition;
}

/** Issues by file (the page, the overlay, the translations), then line and column; the sort is stable. */
function sortIssues(issues: GlossaryIssue[], fileOrder: readonly string[]): GlossaryIssue[] {
  const files = [...new Set([...fileOrder, ...issues.map((i) => i.file)])];
  return issues.sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line || a.column - b.column);
}

/** A block that only points elsewhere (`详见 Prompt Editing`, `See …`): the book opens sections with one. */
const POINTER = /^(?:更多资料)?(?:详见|见|See)\s/;

/**
 * First sentence of the first block of a text, on one line; a first block that only points elsewhere is
 * passed over. A full stop ends a sentence before a space and a capital, a CJK character or the end
 * (`Highres. fix` does not).
 */
export function summarize(text: string): string {
  const blocks = text.split(/\n\s*\n/);
  const firstBlock = (POINTER.test(blocks[0] ?? '') && blocks.length > 1 ? blocks[1] : blocks[0]) ?? '';
  const sentence = /^[\s\S]*?(?:[。！？!?]|\.(?=$|\s+(?:$|[A-Z\u4e00-\u9fff])))/.exec(firstBlock)?.[0] ?? firstBlock;
  return sentence.replace(/\s+/g, ' ').trim();
}

/**
 * Builds a glossary document from a page and its overlay: parse, apply the overlay, compute ids,
 * summaries and pinyin, then validate against the schema (Ajv, strict) and `checkGlossary`.
 * Nothing is returned unless everything is valid.
 * @param options - the sources and the document's metadata.
 * @returns the document, or the issues with `file:line:column` positions.
 */
export function buildGlossary(options: BuildGlossaryOptions): BuildGlossaryResult {
  const pageStart = (): SourcePosition => ({ file: options.markdownFile, line: 1, column: 1 });
  // A page or translation past the limits is not parsed: its issues are the answer.
  const refused = [
    ...pageLimitIssues(options.markdown, options.markdownFile),
    ...(options.book ?? []).flatMap((p) => pageLimitIssues(p.markdown, p.file)),
    ...(options.editorial ? pageLimitIssues(options.editorial.markdown, options.editorial.file) : []),
    ...(options.translations ?? []).flatMap((t) => pageLimitIssues(t.markdown, t.file)),
  ];
  if (refused.length) return { glossary: undefined, issues: refused, locate: pageStart };
  const page = readPage(options.markdown, options.markdownFile);
  if (!('entries' in page)) return { glossary: undefined, issues: [page], locate: pageStart };
  const editorialPage = options.editorial && readPage(options.editorial.markdown, options.editorial.file, true);
  if (editorialPage && !('entries' in editorialPage))
    return { glossary: undefined, issues: [editorialPage], locate: pageStart };
  const issues: GlossaryIssue[] = [...page.issues, ...(editorialPage?.issues ?? [])];
  const editorialDrafts = new Set<DraftEntry>();

  let overlay: Overlay = { entries: {} };
  let overlayAt: (path: JsonPath) => SourcePosition = () => ({
    file: options.overlayFile ?? 'overlay',
    line: 1,
    column: 1,
  });
  if (options.overlay !== undefined) {
    const json = parseJsonSource(options.overlay, options.overlayFile ?? 'overlay.json');
    overlayAt = json.locate;
    issues.push(...json.issues);
    if (json.value !== undefined) {
      const validate = schemaValidators().overlay;
      if (validate(json.value)) overlay = json.value as Overlay;
      else issues.push(...schemaIssues(validate.errors, json.locate));
    }
  }

  // Which overlay id applies to which page entry.
  // An editorial entry never doubles a page entry: one with the page's headword is left out, with an issue.
  const draftByHeadword = new Map(page.entries.map((d) => [d.headword, d]));
  for (const draft of editorialPage?.entries ?? []) {
    const same = draftByHeadword.get(draft.headword);
    if (same) {
      const where = `${same.sources[0]!.at.file}:${same.sources[0]!.at.line}`;
      const message = `editorial entry "${draft.headword}" has the headword of a page entry (${where})`;
      issues.push({ ...draft.sources[0]!.at, message });
    } else {
      draftByHeadword.set(draft.headword, draft);
      editorialDrafts.add(draft);
    }
  }
  const excerpted = addBookText(overlay, draftByHeadword, editorialDrafts, options.book ?? [], overlayAt, issues);
  const drafts = [...page.entries.map((d) => excerpted.replaced.get(d) ?? d), ...editorialDrafts, ...excerpted.added];
  const overlayFor = new Map<DraftEntry, { id: string; item: OverlayEntry }>();
  for (const [id, item] of Object.entries(overlay.entries)) {
    const draft = draftByHeadword.get(item.headword);
    if (!draft) {
      issues.push({
        ...overlayAt(['entries', id, 'headword']),
        message: `overlay entry "${id}": no entry has the headword "${item.headword}"`,
      });
    } else if (overlayFor.has(draft)) {
      issues.push({
        ...overlayAt(['entries', id]),
        message: `overlay entries "${overlayFor.get(draft)!.id}" and "${id}" both name "${item.headword}"`,
      });
    } else {
      overlayFor.set(draft, { id, item });
    }
  }

  // What each entry was built from: where its parts are written is worked out from it only when an
  // issue needs it.
  const builtFrom = new Map<GlossaryEntry, Provenance>();
  const built = drafts.map((draft) => {
    const extra = overlayFor.get(draft);
    const entry = buildEntry(draft, extra, editorialDrafts.has(draft), options, overlayAt, issues);
    builtFrom.set(entry, { draft, extra });
    return entry;
  });
  const provenanceOf = (entry: GlossaryEntry): Provenance => builtFrom.get(entry)!;
  built.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // A translation covers every entry, the editorial ones too: one file per language.
  for (const translation of options.translations ?? [])
    issues.push(...attachTranslation(built, translation, provenanceOf, overlayAt));

  const glossary: Glossary = {
    $schema: glossarySchema.$id,
    ...(options.version !== undefined && { version: options.version }),
    locale: options.locale,
    ...(options.license && { license: options.license }),
    ...(options.source && { source: options.source }),
    entries: built,
    ...(overlay.sharedForms && { sharedForms: overlay.sharedForms }),
    ...(options.translations?.length && {
      translations: options.translations.map(({ locale, file, notice }) => ({ locale, file, notice })),
    }),
  };

  const locate = (path: JsonPath): SourcePosition => {
    if (path[0] === 'sharedForms') return overlayAt(path);
    const entry = path[0] === 'entries' && typeof path[1] === 'number' ? built[path[1]] : undefined;
    if (!entry) return pageStart();
    const where = positionsOf(provenanceOf(entry), overlayAt);
    for (let n = path.length; n > 2; n--) {
      const hit = where.get(path.slice(2, n).join('/'));
      if (hit) return hit;
    }
    return where.get('')!;
  };

  const schema = glossarySchemaIssues(glossary, locate);
  issues.push(...(schema.length ? schema : checkGlossary(glossary, locate)));

  const fileOrder = [
    options.markdownFile,
    options.editorial?.file ?? '',
    options.overlayFile ?? '',
    ...(options.translations ?? []).map((t) => t.file),
  ];
  return { glossary: issues.length === 0 ? glossary : undefined, issues: sortIssues(issues, fileOrder), locate };
}

/**
 * Gives entries the book's text the overlay selects for them. An entry the page or the editorial page
 * has gets it as further sections; any other becomes an entry of its own, made of the book's text,
 * whose headword must be written there. An editorial entry takes none: where the book has the term,
 * the book's text makes the entry.
 * @param draftByHeadword - the entries by headword; updated with the new and extended ones.
 * @param editorialDrafts - the editorial entries.
 * @returns the extended entries (by the one they replace) and the new ones.
 */
function addBookText(
  overlay: Overlay,
  draftByHeadword: Map<string, DraftEntry>,
  editorialDrafts: ReadonlySet<DraftEntry>,
  pages: readonly BookPageInput[],
  overlayAt: (path: JsonPath) => SourcePosition,
  issues: GlossaryIssue[],
): { replaced: Map<DraftEntry, DraftEntry>; added: DraftEntry[] } {
  const book = createBook(pages);
  const replaced = new Map<DraftEntry, DraftEntry>();
  const added: DraftEntry[] = [];
  for (const [id, item] of Object.entries(overlay.entries)) {
    if (!item.book) continue;
    const excerpts: BookExcerpt[] = [];
    item.book.forEach((selector, i) => {
      const excerpt = book.excerpt(selector, overlayAt(['entries', id, 'book', i]));
      if ('message' in excerpt) issues.push(excerpt);
      else excerpts.push(excerpt);
    });
    if (excerpts.length < item.book.length) continue;
    const existing = draftByHeadword.get(item.headword);
    if (existing && editorialDrafts.has(existing)) {
      const message = `overlay entry "${id}" is editorial: move its term to the book's text, or drop "book"`;
      issues.push({ ...overlayAt(['entries', id, 'book']), message });
      continue;
    }
    const at = overlayAt(['entries', id, 'headword']);
    if (!existing && !excerpts.some((e) => e.definition.text.includes(item.headword))) {
      const message = `"${item.headword}" is not in the book's text for "${id}": its headword must be written there`;
      issues.push({ ...at, message });
      continue;
    }
    const base: DraftEntry = existing ?? {
      headword: item.headword,
      category: 'concept',
      forms: [{ text: item.headword, kind: 'headword', at }],
      definition: { markdown: '', text: '' },
      links: [],
      sources: [],
    };
    const join = (texts: string[]): string => texts.filter(Boolean).join('\n\n');
    const draft: DraftEntry = {
      ...base,
      definition: {
        markdown: join([base.definition.markdown, ...excerpts.map((e) => e.definition.markdown)]),
        text: join([base.definition.text, ...excerpts.map((e) => e.definition.text)]),
      },
      links: [...base.links, ...excerpts.flatMap((e) => e.links)],
      sources: [...base.sources, ...excerpts.map((e) => ({ ...e.source, url: e.url }))],
    };
    draftByHeadword.set(item.headword, draft);
    if (existing) replaced.set(existing, draft);
    else added.push(draft);
  }
  return { replaced, added };
}

/**
 * Parses a page within the limits. Should a page the limits let through still nest deeper than the
 * stack allows, the parse fails with a `RangeError`: that becomes an issue at the page's first line,
 * never an exception.
 * @param editorial - whether it is the editorial page, whose sections cite their sources.
 * @returns the page, or that issue.
 */
function readPage(markdown: string, file: string, editorial = false): ParsedPage | GlossaryIssue {
  const options: ParseOptions = editorial ? { editorial } : {};
  try {
    return parseGlossaryMarkdown(markdown, file, options);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const message = `the page cannot be read (${error.message}): it nests quotes, lists or emphasis too deeply`;
    return { file, line: 1, column: 1, message };
  }
}

/** A link as compared between an entry and its translation: where it points. */
const linkKey = (link: { url: string; archiveUrl?: string }): string =>
  link.archiveUrl ? `${link.url} (archive ${link.archiveUrl})` : link.url;

/**
 * Reads a translation and attaches it to the entries it names: every entry must have one, every
 * translated entry must exist, and its links must point where the original's do.
 */
function attachTranslation(
  entries: GlossaryEntry[],
  translation: TranslationInput,
  provenanceOf: (entry: GlossaryEntry) => Provenance,
  overlayAt: (path: JsonPath) => SourcePosition,
): GlossaryIssue[] {
  const page = readPage(translation.markdown, translation.file);
  if (!('entries' in page)) return [page];
  const issues = [...page.issues];
  const byId = new Map<string, DraftEntry>();
  for (const draft of page.entries) {
    const at = draft.sources[0]!.at;
    if (draft.id === undefined)
      issues.push({ ...at, message: `"${draft.headword}" has no {#id}: say which entry it translates` });
    else if (byId.has(draft.id)) issues.push({ ...at, message: `a second translation of "${draft.id}"` });
    else byId.set(draft.id, draft);
  }
  for (const entry of entries) {
    const draft = byId.get(entry.id);
    if (!draft) {
      issues.push({
        ...positionsOf(provenanceOf(entry), overlayAt).get('')!,
        message: `no ${translation.locale} translation of "${entry.id}" in ${translation.file}`,
      });
      continue;
    }
    byId.delete(entry.id);
    const original = entry.links.map(linkKey).sort();
    const translated = draft.links.map(linkKey).sort();
    if (original.join('\n') !== translated.join('\n')) {
      issues.push({
        ...draft.sources[0]!.at,
        message:
          `the links of "${entry.id}" must point where the original's do: ${original.join(', ') || 'none'}; ` +
          `the translation has ${translated.join(', ') || 'none'}`,
      });
    }
    entry.translations = {
      ...entry.translations,
      [translation.locale]: {
        headword: draft.headword,
        summary: summarize(draft.definition.text),
        ...(draft.gloss && { gloss: draft.gloss }),
        definition: draft.definition,
      },
    };
  }
  for (const [id, draft] of byId) issues.push({ ...draft.sources[0]!.at, message: `no entry has the id "${id}"` });
  return issues;
}

function buildEntry(
  draft: DraftEntry,
  extra: { id: string; item: OverlayEntry } | undefined,
  editorial: boolean,
  options: BuildGlossaryOptions,
  overlayAt: (path: JsonPath) => SourcePosition,
  issues: GlossaryIssue[],
): GlossaryEntry {
  const primary = draft.sources[0]!.at;
  const item = extra?.item;
  const overlayPath = (...rest: Array<string | number>): JsonPath => ['entries', extra?.id ?? '', ...rest];

  const forms: SurfaceForm[] = [];
  const addForm = (text: string, kind: SurfaceForm['kind'], origin: SurfaceForm['origin']): void => {
    const pinyin = pinyinOf(text);
    forms.push({ text, kind, origin, ...(pinyin && { pinyin }) });
  };
  // Every word of an editorial entry is SD Glossary's, its heading's too.
  const written: SurfaceForm['origin'] = editorial ? 'editorial' : 'page';
  for (const f of draft.forms) addForm(f.text, f.kind, written);

  const ownText = [draft.definition.text, draft.gloss?.text ?? ''].join('\n');
  item?.namesInText?.forEach((name, i) => {
    if (!ownText.includes(name)) {
      issues.push({
        ...overlayAt(overlayPath('namesInText', i)),
        message:
          `"${name}" is not in the text of "${draft.headword}"; ` + 'a name the page does not give belongs in aliases',
      });
    }
    addForm(name, hasCjk(name) ? 'alias' : 'english', written);
  });
  item?.aliases?.forEach((alias) => addForm(alias, kindOf(alias), 'editorial'));
  item?.noScan?.forEach((text, i) => {
    const form = forms.find((f) => f.text === text);
    if (form) form.scan = false;
    else
      issues.push({
        ...overlayAt(overlayPath('noScan', i)),
        message: `noScan: "${text}" is not a form of "${draft.headword}"`,
      });
  });

  // The spelling to write, and those not to: the preferred one is a form, and the matcher finds each
  // discouraged one as this entry, whole, or the server could never report it.
  if (item?.preferred !== undefined && !forms.some((f) => f.text === item.preferred)) {
    issues.push({
      ...overlayAt(overlayPath('preferred')),
      message: `preferred: "${item.preferred}" is not a form of "${draft.headword}"`,
    });
  }
  const matcher = item?.discouraged && createTermMatcher(forms.map((f) => ({ text: f.text, id: 'this' })));
  item?.discouraged?.forEach((text, i) => {
    const [match] = matcher!.findAll(text);
    if (text === item.preferred || !match || match.start !== 0 || match.end !== text.length) {
      issues.push({
        ...overlayAt(overlayPath('discouraged', i)),
        message:
          text === item.preferred
            ? `discouraged: "${text}" is the preferred spelling`
            : `discouraged: "${text}" is not a spelling of a form of "${draft.headword}", so it would never be found`,
      });
    }
  });

  const toLink = (link: DraftLink): Link => ({
    title: link.title,
    url: link.url,
    ...(link.archiveUrl !== undefined && { archiveUrl: link.archiveUrl }),
  });
  const links = draft.links.map(toLink);
  const id = extra?.id ?? derivedId(forms);
  if (!id)
    issues.push({ ...primary, message: `cannot make an ASCII id for "${draft.headword}"; give it one in the overlay` });
  return {
    id,
    headword: draft.headword,
    category: draft.category,
    forms: forms as GlossaryEntry['forms'],
    summary: summarize(draft.definition.text),
    ...(draft.gloss && { gloss: draft.gloss }),
    definition: draft.definition,
    links,
    ...(editorial && { origin: 'editorial' as const }),
    ...(draft.references && { references: draft.references.map(toLink) as [Link, ...Link[]] }),
    ...(item?.toolNames && { toolNames: item.toolNames }),
    ...(item?.preferred !== undefined && { preferred: item.preferred }),
    ...(item?.discouraged && { discouraged: item.discouraged as [string, ...string[]] }),
    seeAlso: item?.seeAlso ?? [],
    sources: sourcesOf(draft, editorial ? undefined : options.source?.url),
  };
}

/**
 * An entry's `sources`: where its page defines it, with heading links when the page's URL is known
 * (the editorial page is not published).
 */
function sourcesOf(draft: DraftEntry, pageUrl: string | undefined): GlossaryEntry['sources'] {
  return draft.sources.map((s) => ({
    file: s.at.file,
    line: s.at.line,
    heading: s.heading,
    anchor: s.anchor,
    ...(s.url !== undefined ? { url: s.url } : pageUrl !== undefined && { url: new URL(`#${s.anchor}`, pageUrl).href }),
  })) as GlossaryEntry['sources'];
}

/** What an entry was built from: enough to say where each of its parts is written, when an issue needs it. */
interface Provenance {
  readonly draft: DraftEntry;
  readonly extra: { id: string; item: OverlayEntry } | undefined;
}

const positionsOf = (
  { draft, extra }: Provenance,
  overlayAt: (path: JsonPath) => SourcePosition,
): Map<string, SourcePosition> => entryPositions(draft, extra, overlayAt);

/**
 * Where each part of an entry is written, by path inside the entry (`''`, `forms/2`, `links/0`,
 * `seeAlso/1`), in the order `buildEntry` adds them.
 */
function entryPositions(
  draft: DraftEntry,
  extra: { id: string; item: OverlayEntry } | undefined,
  overlayAt: (path: JsonPath) => SourcePosition,
): Map<string, SourcePosition> {
  const where = new Map<string, SourcePosition>([['', draft.sources[0]!.at]]);
  const item = extra?.item;
  const overlayPath = (...rest: Array<string | number>): JsonPath => ['entries', extra?.id ?? '', ...rest];
  const forms = [
    ...draft.forms.map((f) => f.at),
    ...(item?.namesInText ?? []).map((_, i) => overlayAt(overlayPath('namesInText', i))),
    ...(item?.aliases ?? []).map((_, i) => overlayAt(overlayPath('aliases', i))),
  ];
  forms.forEach((at, i) => where.set(`forms/${i}`, at));
  draft.links.forEach((link, i) => where.set(`links/${i}`, link.at));
  (draft.references ?? []).forEach((link, i) => where.set(`references/${i}`, link.at));
  (item?.seeAlso ?? []).forEach((_, i) => where.set(`seeAlso/${i}`, overlayAt(overlayPath('seeAlso', i))));
  if (item?.preferred !== undefined) where.set('preferred', overlayAt(overlayPath('preferred')));
  (item?.discouraged ?? []).forEach((_, i) => where.set(`discouraged/${i}`, overlayAt(overlayPath('discouraged', i))));
  return where;
}

/**
 * An id from the first form with ASCII letters, else from the headword's pinyin (`炸炉` → `zha-lu`);
 * empty if neither.
 */
function derivedId(forms: readonly SurfaceForm[]): string {
  for (const form of forms) {
    const id = idFromText(form.text);
    if (id && !hasCjk(form.text)) return id;
  }
  return idFromText(forms[0]?.pinyin?.full ?? '');
}
