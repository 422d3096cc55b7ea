import {
  charKind,
  localizeEntry,
  type GlossaryEntry,
  type GlossaryIndex,
  type LocalizedText,
  type SearchResult,
  type TermMatch,
} from '@sd-glossary/data/core';
import {
  CompletionItemKind,
  type CodeAction,
  type Diagnostic,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type Hover,
  type Location,
  type Position,
  type Range,
  type SymbolInformation,
} from 'vscode-languageserver-types';
import type { TermItem } from '../protocol.js';
import { localesToShow, servesLanguage, type Settings } from '../settings.js';
import { attributionOf, entryMarkdown, entryPlainText } from './content.js';
import {
  addTermAction,
  discouragedForms,
  expansionOf,
  explainAction,
  spellingFixes,
  type GlossaryTarget,
} from './consistency.js';
import { lineAt, type ServiceDocument } from './document.js';
import { urlSpans } from './extractors/regions.js';
import { createLineMatches } from './line-matches.js';
import { completionPrefixes } from './prefix.js';

/** The glossary the service explains, and where its entries are written down. */
export interface GlossarySource {
  /** The glossary with its indexes. */
  readonly index: GlossaryIndex;
  /**
   * The URI of the file that defines an entry, for go-to-definition and workspace symbols.
   * @returns `undefined` when the file is not available.
   */
  sourceUri(entry: GlossaryEntry): string | undefined;
  /**
   * Whether an entry is the built-in glossary's (StableDiffusionBook's GFDL text); hovers credit
   * it, and say where other entries come from. Absent: every entry is built-in.
   */
  isBuiltin?(entry: GlossaryEntry): boolean;
  /** What hovers call the glossary an entry that is not built in comes from. Absent: `workspace glossary`. */
  labelOf?(entry: GlossaryEntry): string;
}

/** What a request needs to know about the client and the user's choices. */
export interface RequestContext {
  readonly settings: Settings;
  /** The client renders markdown in hovers and documentation. */
  readonly markdown: boolean;
  /** The client's language (`locale` of `initialize`), when it said. */
  readonly clientLocale?: string;
}

/** Data carried by a completion item to its `completionItem/resolve`. */
export interface CompletionData {
  readonly id: string;
}

/** Cancellation, as the protocol's token offers it. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** The glossary as LSP answers. Pure: no connection, no file system. */
export interface LanguageService {
  /**
   * The entry (or entries) of the term under the cursor.
   * @returns a hover whose range is exactly the term, or `null` when there is no term there.
   */
  hover(document: ServiceDocument, position: Position, context: RequestContext): Hover | null;
  /**
   * Completions for the word being typed (Latin, Chinese, or pinyin of Chinese).
   * @param invoked - the user asked for completion explicitly (then an empty prefix lists everything).
   * @returns the items, or `null` when there is nothing to complete here.
   */
  completion(
    document: ServiceDocument,
    position: Position,
    invoked: boolean,
    context: RequestContext,
  ): CompletionList | null;
  /**
   * Adds the documentation to an item from `completion`.
   * @returns the item, with documentation when its entry is known.
   */
  resolveCompletion(item: CompletionItem, context: RequestContext): CompletionItem;
  /**
   * Where the entry of the term under the cursor is defined.
   * @returns one location per entry, or `null` when there is no term there or no source file.
   */
  definition(document: ServiceDocument, position: Position, context: RequestContext): Location[] | null;
  /**
   * The glossary terms a document uses, one symbol per entry at its first use, with every use as
   * children, up to `MAX_SYMBOL_USES` uses from the top.
   * @returns the symbols, empty when the document uses none or the request was cancelled.
   */
  documentSymbols(document: ServiceDocument, context: RequestContext, token?: Cancellation): DocumentSymbol[];
  /**
   * Glossary entries whose forms, pinyin or initials start with the query (every entry for `""`).
   * @returns symbols located in the glossary's source file; empty when it is not available.
   */
  workspaceSymbols(query: string, limit: number): SymbolInformation[];
  /**
   * Every entry, for a picker (the VS Code extension's Search Terms).
   * @returns one item per entry, sorted by headword, its detail in the language hovers use.
   */
  terms(context: RequestContext): TermItem[];
  /**
   * One entry in full, as a hover shows it (markdown, whatever the client said about hovers).
   * @returns the markdown, or `undefined` for an unknown id.
   */
  describe(id: string, context: RequestContext): string | undefined;
  /**
   * Spellings the glossary discourages (`Lora` for `LoRA`) in a prose document, when the settings
   * turn the check on.
   * @returns the diagnostics; empty when the check is off or the document is not prose.
   */
  diagnostics(document: ServiceDocument, context: RequestContext): Diagnostic[];
  /**
   * Code actions at a range: quick fixes for discouraged spellings (this use, or every use in the
   * file), "Explain on first use" at a term's first use in markdown, and "Add to the workspace
   * glossary" for a selection that is not a term yet.
   * @param diagnostics - the diagnostics the client sends with the request.
   * @param target - the workspace glossary a new term goes to; absent: none may be written.
   * @returns the actions; empty when there are none.
   */
  codeActions(
    document: ServiceDocument,
    range: Range,
    diagnostics: readonly Diagnostic[],
    context: RequestContext,
    target?: GlossaryTarget,
  ): CodeAction[];
  /** Drops what is remembered about a document. */
  forget(uri: string): void;
  /** Builds the glossary's indexes (matcher, search) ahead of the first request that needs them. */
  warmUp(): void;
  /** How many entries the glossary has. */
  readonly entryCount: number;
}

const SORT_WIDTH = 4;

/**
 * The most uses of terms one document-symbols answer lists: an outline of more helps no one, and
 * a large document's full answer would run to tens of megabytes.
 */
export const MAX_SYMBOL_USES = 5_000;

/**
 * Creates the language service over a glossary.
 * @param glossary - the glossary and where its sources are.
 */
export function createLanguageService(glossary: GlossarySource): LanguageService {
  const { index } = glossary;
  const attribution = attributionOf(index.glossary);
  const sourceLocale = index.glossary.locale;
  const lines = createLineMatches(index);
  let sortedByHeadword: readonly GlossaryEntry[] | undefined;
  const byHeadword = (): readonly GlossaryEntry[] =>
    (sortedByHeadword ??= [...index.entries].sort((a, b) => a.headword.localeCompare(b.headword, 'zh-CN')));

  /** The match under a position, with its line; `undefined` for no term, unknown lines or a disabled language. */
  function matchAt(
    document: ServiceDocument,
    position: Position,
    settings: Settings,
  ): { line: number; match: TermMatch } | undefined {
    if (!servesLanguage(settings, document.languageId)) return undefined;
    if (!validPosition(document, position)) return undefined;
    const piece = lines.pieceAt(document, position.line, position.character);
    const offset = position.character - piece.start;
    const match = piece.matches.find((m) => m.start <= offset && offset < m.end);
    return (
      match && {
        line: position.line,
        match: { ...match, start: match.start + piece.start, end: match.end + piece.start },
      }
    );
  }

  /** Whether a term at a place is the document's first use of its entry. */
  function isFirstUse(
    document: ServiceDocument,
    entry: GlossaryEntry,
    at: { line: number; match: TermMatch },
  ): boolean {
    for (let line = 0; line <= at.line; line++) {
      for (const piece of lines.pieces(document, line)) {
        for (const match of piece.matches) {
          if (line === at.line && piece.start + match.start >= at.match.start) return true;
          if (match.ids.includes(entry.id)) return false;
        }
      }
    }
    return true;
  }

  function entriesOf(match: TermMatch): GlossaryEntry[] {
    return match.ids.map((id) => index.getEntry(id)).filter((e): e is GlossaryEntry => e !== undefined);
  }

  /** The entry's text in each language the settings and the client ask for, first one first. */
  function textsOf(entry: GlossaryEntry, context: RequestContext): LocalizedText[] {
    const texts: LocalizedText[] = [];
    for (const locale of localesToShow(context.settings.locale, context.clientLocale, sourceLocale)) {
      const text = localizeEntry(entry, locale, sourceLocale);
      if (!texts.some((t) => t.locale === text.locale)) texts.push(text);
    }
    return texts;
  }

  function render(entry: GlossaryEntry, context: RequestContext): string {
    const texts = textsOf(entry, context);
    const credit = glossary.isBuiltin === undefined || glossary.isBuiltin(entry) ? attribution : undefined;
    const origin = credit ?? glossary.labelOf?.(entry) ?? 'workspace glossary';
    return context.markdown
      ? entryMarkdown(entry, texts, context.settings.hover.verbosity, origin)
      : entryPlainText(entry, texts, context.settings.hover.verbosity, origin);
  }

  return {
    hover(document, position, context) {
      const found = matchAt(document, position, context.settings);
      if (!found) return null;
      const entries = entriesOf(found.match);
      if (entries.length === 0) return null;
      const value = entries.map((e) => render(e, context)).join(context.markdown ? '\n\n---\n\n' : '\n\n────────\n\n');
      return {
        contents: { kind: context.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value },
        range: {
          start: { line: found.line, character: found.match.start },
          end: { line: found.line, character: found.match.end },
        },
      };
    },

    completion(document, position, invoked, context) {
      const { settings } = context;
      if (!settings.completion.enable || !servesLanguage(settings, document.languageId)) return null;
      if (!validPosition(document, position)) return null;
      const piece = lines.pieceAt(document, position.line, position.character);
      const { text } = piece;
      const cursor = Math.min(position.character - piece.start, text.length);
      if (urlSpans(text).some((u) => u.start < cursor && cursor <= u.end)) return null;
      const limit = settings.completion.maxItems;
      for (const start of completionPrefixes(text, cursor)) {
        const typed = text.slice(start, cursor);
        const results = index.search(typed, { limit });
        if (results.length === 0) continue;
        const range = {
          start: { line: position.line, character: piece.start + start },
          end: { line: position.line, character: piece.start + cursor },
        };
        return {
          isIncomplete: true,
          items: results.map((r, i) => completionItem(r, typed, range, i, textsOf(r.entry, context)[0]!.summary)),
        };
      }
      if (!invoked || (cursor > 0 && charKind(text.charCodeAt(cursor - 1)) !== 'separator')) return null;
      // Invoked on an empty prefix: the whole glossary, alphabetically by headword.
      const range = { start: position, end: position };
      const all = byHeadword().slice(0, limit);
      return {
        isIncomplete: all.length < index.entries.length,
        items: all.map((entry, i) =>
          completionItem(
            { entry, form: entry.headword, matchedBy: 'headword', exact: false },
            '',
            range,
            i,
            textsOf(entry, context)[0]!.summary,
          ),
        ),
      };
    },

    resolveCompletion(item, context) {
      const data = item.data as Partial<CompletionData> | undefined;
      const entry = typeof data?.id === 'string' ? index.getEntry(data.id) : undefined;
      if (!entry) return item;
      const value = render(entry, context);
      return { ...item, documentation: { kind: context.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value } };
    },

    definition(document, position, context) {
      const found = matchAt(document, position, context.settings);
      if (!found) return null;
      const locations = entriesOf(found.match).flatMap((entry) => {
        const uri = glossary.sourceUri(entry);
        return uri ? [{ uri, range: sourceRange(entry) }] : [];
      });
      return locations.length ? locations : null;
    },

    documentSymbols(document, context, token) {
      if (!servesLanguage(context.settings, document.languageId)) return [];
      const byEntry = new Map<string, DocumentSymbol>();
      let uses = 0;
      for (let line = 0; line < document.lineCount; line++) {
        if ((line & 1023) === 0 && token?.isCancellationRequested) return [];
        for (const piece of lines.pieces(document, line)) {
          for (const match of piece.matches) {
            const start = { line, character: piece.start + match.start };
            const range = { start, end: { line, character: piece.start + match.end } };
            for (const entry of entriesOf(match)) {
              if (uses++ === MAX_SYMBOL_USES) return [...byEntry.values()];
              let symbol = byEntry.get(entry.id);
              if (!symbol) {
                const { headword: name, summary: detail } = entry;
                symbol = { name, detail, kind: SymbolKind.Key, range, selectionRange: range, children: [] };
                byEntry.set(entry.id, symbol);
              }
              symbol.children!.push({ name: match.text, kind: SymbolKind.String, range, selectionRange: range });
            }
          }
        }
      }
      return [...byEntry.values()];
    },

    workspaceSymbols(query, limit) {
      const entries = query.trim() ? index.search(query, { limit }).map((r) => r.entry) : index.entries.slice(0, limit);
      return entries.flatMap((entry) => {
        const uri = glossary.sourceUri(entry);
        return uri
          ? [
              {
                name: entry.headword,
                kind: SymbolKind.Key,
                containerName: entry.summary,
                location: { uri, range: sourceRange(entry) },
              },
            ]
          : [];
      });
    },

    terms(context) {
      return byHeadword().map((entry) => termItem(entry, textsOf(entry, context)[0]!));
    },

    describe(id, context) {
      const entry = index.getEntry(id);
      return (
        entry &&
        render(entry, { ...context, markdown: true, settings: { ...context.settings, hover: { verbosity: 'full' } } })
      );
    },

    diagnostics(document, context) {
      const { consistency } = context.settings;
      if (!consistency.enable || !servesLanguage(context.settings, document.languageId)) return [];
      return discouragedForms(document, index, consistency.severity);
    },

    codeActions(document, range, diagnostics, context, target) {
      if (!servesLanguage(context.settings, document.languageId) || !validPosition(document, range.start)) return [];
      const actions = spellingFixes(
        document.uri,
        diagnostics,
        diagnostics.length ? discouragedForms(document, index, context.settings.consistency.severity) : [],
      );
      const found = matchAt(document, range.start, context.settings);
      const entry = found && entriesOf(found.match)[0];
      if (found && entry && document.languageId === 'markdown' && isFirstUse(document, entry, found)) {
        const lineText = lineAt(document, found.line);
        const expansion = expansionOf(entry, found.match.text, textsOf(entry, context)[0]!.summary);
        const termRange = {
          start: { line: found.line, character: found.match.start },
          end: { line: found.line, character: found.match.end },
        };
        const explain = expansion && explainAction(document.uri, termRange, lineText, expansion);
        if (explain) actions.push(explain);
      }
      const selected = range.start.line === range.end.line ? document.getText(range) : '';
      if (target && selected.trim() && index.lookup(selected.trim()).length === 0) {
        const line = range.start.line;
        const name = document.uri.slice(document.uri.lastIndexOf('/') + 1);
        const add = addTermAction(selected, lineAt(document, line), `${decodeURIComponent(name)}:${line + 1}`, target);
        if (add) actions.push(add);
      }
      return actions;
    },

    forget(uri) {
      lines.forget(uri);
    },

    entryCount: index.entries.length,

    warmUp() {
      index.findTerms('CFG 炸炉');
      index.search('c');
      index.lookup('vae');
    },
  };
}

function completionItem(
  result: SearchResult,
  typed: string,
  range: Range,
  rank: number,
  summary: string,
): CompletionItem {
  const { entry, form } = result;
  return {
    label: form,
    ...(form !== entry.headword && { labelDetails: { description: entry.headword } }),
    kind: CompletionItemKind.Keyword,
    detail: summary,
    // The server has already filtered; matching the typed text keeps pinyin and
    // separator-spanning matches (`zl` → 炸炉, `cfg_sc` → CFG Scale) visible in clients that filter again.
    filterText: typed,
    sortText: String(rank).padStart(SORT_WIDTH, '0'),
    textEdit: { range, newText: form },
    data: { id: entry.id } satisfies CompletionData,
  };
}

/** A picker's item: the headword; every other name, the pinyin and initials to filter by; the summary. */
function termItem(entry: GlossaryEntry, text: LocalizedText): TermItem {
  const names = entry.forms.slice(1).map((f) => f.text);
  const pinyin = entry.forms.flatMap((f) => (f.pinyin ? [f.pinyin.full.replaceAll(' ', ''), f.pinyin.initials] : []));
  const translated = text.translated && text.headword !== entry.headword ? [text.headword] : [];
  const description = [...new Set([...names, ...translated, ...pinyin])].join(' · ');
  return { id: entry.id, label: entry.headword, description, detail: text.summary };
}

function sourceRange(entry: GlossaryEntry): Range {
  const line = entry.sources[0].line - 1;
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}

function validPosition(document: ServiceDocument, position: Position): boolean {
  return (
    Number.isInteger(position.line) &&
    Number.isInteger(position.character) &&
    position.line >= 0 &&
    position.character >= 0 &&
    position.line < document.lineCount
  );
}
