import type { Glossary, GlossaryEntry, LocalizedText } from '@sd-glossary/data/core';
import type { HoverVerbosity } from '../settings.js';

/** Whom the glossary text belongs to, for the last line of a hover. */
export interface Attribution {
  /** e.g. `GFDL-1.3-or-later`. */
  readonly license: string;
  /** e.g. `© 2022 StableDiffusionBook`. */
  readonly holder: string;
  /** Whose the editorial entries are, e.g. `© 2026 SD Glossary contributors`, when the notice says. */
  readonly editorialHolder?: string;
}

/**
 * The attribution a glossary document declares.
 * @param glossary - the document.
 * @returns its licence and copyright holders (the first one the notice names, and the one it names for
 *   `Entries of origin "editorial"`); `undefined` when the document has no licence.
 */
export function attributionOf(glossary: Glossary): Attribution | undefined {
  if (!glossary.license) return undefined;
  const { notice, spdx } = glossary.license;
  const holder = /Copyright \(C\) (\d{4}) ([^.]+)\./.exec(notice);
  const editorial = /Entries of origin "editorial": Copyright \(C\) (\d{4}) ([^.]+)\./.exec(notice);
  return {
    license: spdx,
    holder: holder ? `© ${holder[1]} ${holder[2]}` : notice,
    ...(editorial && { editorialHolder: `© ${editorial[1]} ${editorial[2]}` }),
  };
}

function otherNames(entry: GlossaryEntry): string[] {
  return entry.forms.slice(1).map((f) => f.text);
}

/** Escapes text for use inside markdown (not inside code). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, '\\$&');
}

/**
 * A URL as a markdown link destination: the characters that could end it or start markup are
 * percent-encoded, so a `)` in a URL cannot close the link early and start another.
 */
function destination(url: string): string {
  return url.replace(/[()<>\s\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** How a text is labelled when it is not the only one, or is a translation. */
function label(text: LocalizedText): string {
  return text.translated ? `English · translated by SD Glossary (${text.locale})` : `原文 · original (${text.locale})`;
}

/** The entry's names for the heading line: every form and every shown headword but the first. */
function names(entry: GlossaryEntry, texts: readonly LocalizedText[]): string[] {
  const all = [entry.headword, ...otherNames(entry), ...texts.map((t) => t.headword)];
  return [...new Set(all)].filter((n) => n !== texts[0]!.headword);
}

/**
 * The markdown of one entry for a hover or a completion item's documentation.
 * @param entry - the entry.
 * @param texts - its text in the languages to show, first one first (see `localesToShow`).
 * @param verbosity - `full` or `summary`.
 * @param origin - the licence line of the built-in glossary, or what to call the glossary the entry comes
 *   from (`workspace glossary`).
 * @returns markdown: headword and other names, the definition in each language (labelled when more
 *   than one, or a translation), links, source and licence.
 */
export function entryMarkdown(
  entry: GlossaryEntry,
  texts: readonly LocalizedText[],
  verbosity: HoverVerbosity,
  origin: Attribution | string,
): string {
  const first = texts[0]!;
  const parts: string[] = [];
  const others = names(entry, texts);
  parts.push(
    `**${escapeMarkdown(first.headword)}**${others.length ? ` · ${others.map(escapeMarkdown).join(' · ')}` : ''}`,
  );
  texts.forEach((text, i) => {
    if (i > 0 || text.translated) parts.push(`*${label(text)}*`);
    // The summary is the definition's first sentence: a full hover shows it once, as part of the definition.
    parts.push(verbosity === 'summary' ? escapeMarkdown(text.summary) : text.definition.markdown);
  });
  if (verbosity === 'full') {
    const tools = toolNamesLine(entry, true);
    if (tools) parts.push(tools);
    if (first.gloss) parts.push(`${first.translated ? 'Jargon table' : '黑话'}: ${first.gloss.markdown}`);
    // The lines that cite the book's pages are in the definition already.
    const cited = new Set(entry.sources.map((s) => s.url));
    const links = entry.links.filter((l) => !cited.has(l.url));
    if (links.length) {
      parts.push(
        links
          .map((l) => {
            const archive = l.archiveUrl ? ` ([Archive](${destination(l.archiveUrl)}))` : '';
            return `[${escapeMarkdown(l.title)}](${destination(l.url)})${archive}`;
          })
          .join(' · '),
      );
    }
  }
  parts.push(sourceLine(entry, origin, true));
  return parts.join('\n\n');
}

/**
 * The plain text of one entry, for clients that cannot render markdown (terminal floats).
 * @param entry - the entry.
 * @param texts - its text in the languages to show, first one first.
 * @param verbosity - `full` or `summary`.
 * @param origin - the licence line of the built-in glossary, or what to call the glossary the entry comes
 *   from (`workspace glossary`).
 * @returns text without markup.
 */
export function entryPlainText(
  entry: GlossaryEntry,
  texts: readonly LocalizedText[],
  verbosity: HoverVerbosity,
  origin: Attribution | string,
): string {
  const first = texts[0]!;
  const others = names(entry, texts);
  const parts = [`${first.headword}${others.length ? ` (${others.join(', ')})` : ''}`];
  texts.forEach((text, i) => {
    if (i > 0 || text.translated) parts.push(`[${label(text)}]`);
    parts.push(verbosity === 'summary' ? text.summary : text.definition.text);
  });
  if (verbosity === 'full') {
    const tools = toolNamesLine(entry, false);
    if (tools) parts.push(tools);
    if (first.gloss) parts.push(`${first.translated ? 'Jargon table' : '黑话'}: ${first.gloss.text}`);
    const cited = new Set(entry.sources.map((s) => s.url));
    for (const l of entry.links.filter((link) => !cited.has(link.url)))
      parts.push(`${l.title}: ${l.url}${l.archiveUrl ? ` (archive: ${l.archiveUrl})` : ''}`);
  }
  parts.push(sourceLine(entry, origin, false));
  return parts.join('\n\n');
}

/**
 * An entry's names in the tools people set it in (`A1111 DPM++ 2M · ComfyUI dpmpp_2m · diffusers
 * DPMSolverMultistepScheduler`, and kohya's option for a parameter); a dash where the tool has none.
 * @returns the line, or `undefined` for an entry without tool names.
 */
function toolNamesLine(entry: GlossaryEntry, markdown: boolean): string | undefined {
  const tools = entry.toolNames;
  if (!tools) return undefined;
  const name = (value: string | null): string => (value === null ? '—' : markdown ? `\`${value}\`` : value);
  const kohya = tools.kohya === undefined ? '' : ` · kohya ${name(tools.kohya)}`;
  return `A1111 ${name(tools.a1111)} · ComfyUI ${name(tools.comfyui)} · diffusers ${name(tools.diffusers)}${kohya}`;
}

/** An editorial entry's references, as links or as plain `title url` pairs. */
function references(entry: GlossaryEntry, markdown: boolean): string {
  return (entry.references ?? [])
    .map((r) => (markdown ? `[${escapeMarkdown(r.title)}](${destination(r.url)})` : `${r.title} ${r.url}`))
    .join(', ');
}

/**
 * The last line of a hover: where the entry is written and, for the built-in glossary, its licence.
 * An editorial entry is not the book's: its line says so and names the sources it rests on instead.
 */
function sourceLine(entry: GlossaryEntry, origin: Attribution | string, markdown: boolean): string {
  const attribution = typeof origin === 'string' ? undefined : origin;
  if (entry.origin === 'editorial' && attribution) {
    const holder = attribution.editorialHolder ?? attribution.holder;
    return `— SD Glossary editorial, sources: ${references(entry, markdown)} · ${attribution.license} · ${holder}`;
  }
  const source = entry.sources[0];
  // A concept's own heading names it ("代次 (Epoch)"); a table row is named under its table's heading.
  const where = source.heading.includes(entry.headword) ? source.heading : `${source.heading} › ${entry.headword}`;
  const link = source.url
    ? markdown
      ? `[${escapeMarkdown(where)}](${destination(source.url)})`
      : `${where} ${source.url}`
    : `${attribution ? '' : `${origin as string}: `}${markdown ? escapeMarkdown(source.file) : source.file}:` +
      source.line;
  const licence = attribution ? ` · ${attribution.license} · ${attribution.holder}` : '';
  const editorial = entry.origin === 'editorial' ? ` · editorial, sources: ${references(entry, markdown)}` : '';
  return `— ${link}${editorial}${licence}`;
}
