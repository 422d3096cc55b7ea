import type { Glossary, GlossaryEntry } from '@sd-glossary/data';
import type { HoverVerbosity } from '../settings.js';

/** Whom the glossary text belongs to, for the last line of a hover. */
export interface Attribution {
  /** e.g. `GFDL-1.3-or-later`. */
  readonly license: string;
  /** e.g. `© 2022 StableDiffusionBook`. */
  readonly holder: string;
}

/**
 * The attribution a glossary document declares.
 * @param glossary - the document.
 * @returns its licence and copyright holder; `undefined` parts when the document has no licence.
 */
export function attributionOf(glossary: Glossary): Attribution | undefined {
  if (!glossary.license) return undefined;
  const holder = /Copyright \(C\) (\d{4}) ([^.]+)\./.exec(glossary.license.notice);
  return { license: glossary.license.spdx, holder: holder ? `© ${holder[1]} ${holder[2]}` : glossary.license.notice };
}

function otherNames(entry: GlossaryEntry): string[] {
  return entry.forms.slice(1).map((f) => f.text);
}

/** Escapes text for use inside markdown (not inside code). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, '\\$&');
}

/**
 * The markdown of one entry for a hover or a completion item's documentation.
 * @param entry - the entry.
 * @param verbosity - `full` or `summary`.
 * @param attribution - licence line, when the glossary has one.
 * @returns markdown: headword and other names, summary, definition, links, source and licence.
 */
export function entryMarkdown(entry: GlossaryEntry, verbosity: HoverVerbosity, attribution: Attribution | undefined): string {
  const parts: string[] = [];
  const names = otherNames(entry);
  parts.push(`**${escapeMarkdown(entry.headword)}**${names.length ? ` · ${names.map(escapeMarkdown).join(' · ')}` : ''}`);
  // The summary is the definition's first sentence: a full hover shows it once, as part of the definition.
  parts.push(verbosity === 'summary' ? escapeMarkdown(entry.summary) : entry.definition.markdown);
  if (verbosity === 'full') {
    if (entry.gloss) parts.push(`黑话: ${entry.gloss.markdown}`);
    if (entry.links.length) {
      parts.push(
        entry.links
          .map((l) => `[${escapeMarkdown(l.title)}](${l.url})${l.archiveUrl ? ` ([Archive](${l.archiveUrl}))` : ''}`)
          .join(' · '),
      );
    }
  }
  parts.push(sourceLine(entry, attribution, true));
  return parts.join('\n\n');
}

/**
 * The plain text of one entry, for clients that cannot render markdown (terminal floats).
 * @param entry - the entry.
 * @param verbosity - `full` or `summary`.
 * @param attribution - licence line, when the glossary has one.
 * @returns text without markup.
 */
export function entryPlainText(entry: GlossaryEntry, verbosity: HoverVerbosity, attribution: Attribution | undefined): string {
  const names = otherNames(entry);
  const parts = [`${entry.headword}${names.length ? ` (${names.join(', ')})` : ''}`];
  parts.push(verbosity === 'summary' ? entry.summary : entry.definition.text);
  if (verbosity === 'full') {
    if (entry.gloss) parts.push(`黑话: ${entry.gloss.text}`);
    for (const l of entry.links) parts.push(`${l.title}: ${l.url}${l.archiveUrl ? ` (archive: ${l.archiveUrl})` : ''}`);
  }
  parts.push(sourceLine(entry, attribution, false));
  return parts.join('\n\n');
}

function sourceLine(entry: GlossaryEntry, attribution: Attribution | undefined, markdown: boolean): string {
  const source = entry.sources[0];
  // A concept's own heading names it ("代次 (Epoch)"); a table row is named under its table's heading.
  const where = source.heading.includes(entry.headword) ? source.heading : `${source.heading} › ${entry.headword}`;
  const link = source.url ? (markdown ? `[${escapeMarkdown(where)}](${source.url})` : `${where} ${source.url}`) : `${source.file}:${source.line}`;
  const licence = attribution ? ` · ${attribution.license} · ${attribution.holder}` : '';
  return `— ${link}${licence}`;
}
