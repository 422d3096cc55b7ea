import { findDiscouraged, type GlossaryEntry, type GlossaryIndex } from '@sd-glossary/data/core';
import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { ConsistencySeverity } from '../settings.js';
import type { ServiceDocument } from './document.js';

/** Where a term's spelling is checked: prose. Prompts and configs keep each tool's own spelling (`<lora:…>`). */
export const PROSE_LANGUAGES: readonly string[] = ['markdown', 'plaintext'];

/** The `code` of a discouraged-form diagnostic; its `data` is `{ preferred }`. */
export const DISCOURAGED_FORM = 'discouraged-form';

const SEVERITY: Record<ConsistencySeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A glossary file a term can be added to: its URI and its text (`undefined`: it does not exist yet). */
export interface GlossaryTarget {
  readonly uri: string;
  readonly text: string | undefined;
  /** The client can create files in a workspace edit (`documentChanges` with `create`). */
  readonly canCreate: boolean;
}

/** The longest selection "Add to the workspace glossary" offers to add. */
const MAX_NEW_TERM = 64;

/**
 * Uses of discouraged spellings (`Lora` where the glossary writes `LoRA`) in a prose document, code
 * aside, as diagnostics that say the preferred form.
 * @param document - the document.
 * @param index - the glossary.
 * @param severity - how to report them.
 * @returns the diagnostics in document order; empty for other languages.
 */
export function discouragedForms(
  document: ServiceDocument,
  index: GlossaryIndex,
  severity: ConsistencySeverity,
): Diagnostic[] {
  if (!PROSE_LANGUAGES.includes(document.languageId)) return [];
  return findDiscouraged(index, document.getText(), document.languageId === 'markdown').map((use) => ({
    range: { start: { line: use.line, character: use.character }, end: { line: use.line, character: use.end } },
    severity: SEVERITY[severity],
    source: 'sd-glossary',
    code: DISCOURAGED_FORM,
    message: `Write "${use.preferred}", the glossary's spelling, not "${use.text}"`,
    data: { preferred: use.preferred },
  }));
}

const preferredOf = (d: Diagnostic): string | undefined =>
  d.source === 'sd-glossary' && d.code === DISCOURAGED_FORM
    ? (d.data as { preferred?: unknown } | undefined)?.preferred?.toString()
    : undefined;

/**
 * Quick fixes for discouraged-form diagnostics: this use, or every use of that form in the file.
 * @param uri - the document.
 * @param diagnostics - the diagnostics the client sends with the request (those in the range).
 * @param all - every discouraged-form diagnostic of the document now.
 */
export function spellingFixes(
  uri: string,
  diagnostics: readonly Diagnostic[],
  all: readonly Diagnostic[],
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const preferred = preferredOf(diagnostic);
    if (preferred === undefined) continue;
    const edit = (ds: readonly Diagnostic[]): WorkspaceEdit => ({
      changes: { [uri]: ds.map((d) => ({ range: d.range, newText: preferred })) },
    });
    actions.push({
      title: `Write "${preferred}"`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: edit([diagnostic]),
    });
    const same = all.filter((d) => preferredOf(d) === preferred);
    if (same.length > 1) {
      actions.push({
        title: `Write "${preferred}" everywhere in this file (${same.length})`,
        kind: CodeActionKind.QuickFix,
        diagnostics: same,
        edit: edit(same),
      });
    }
  }
  return actions;
}

/**
 * What to write after a term's first use to explain it: a Latin abbreviation's longest English
 * name (`CFG` → `Classifier Free Guidance Scale`); otherwise the first clause of its summary that is
 * not the term itself (`炸炉` → `训练过程中过度拟合`).
 * @returns the expansion, or `undefined` when the entry offers none.
 */
export function expansionOf(entry: GlossaryEntry, term: string, summary: string): string | undefined {
  if (/^[A-Za-z0-9]{2,6}$/.test(term)) {
    const english = entry.forms
      .filter((f) => f.kind === 'english' && f.text.toLowerCase() !== term.toLowerCase() && /\s/.test(f.text))
      .sort((a, b) => b.text.length - a.text.length)[0];
    if (english) return english.text;
  }
  const clause = summary
    .split(/[，。；,;.]\s*/)
    .map((c) => c.replace(/^(?:指|是)/, '').trim())
    .find((c) => c.length > 0 && c.toLowerCase() !== term.toLowerCase() && !entry.forms.some((f) => f.text === c));
  return clause && clause.length <= 40 ? clause : undefined;
}

/**
 * "Explain on first use": writes the expansion after the term, in parentheses of the text's script
 * (`CFG (Classifier Free Guidance Scale)`, `炸炉（训练过程中过度拟合）`).
 * @param uri - the document.
 * @param range - the term's range on its line.
 * @param lineText - that line.
 * @param expansion - what `expansionOf` gave.
 */
export function explainAction(uri: string, range: Range, lineText: string, expansion: string): CodeAction | undefined {
  const after = lineText.slice(range.end.character).trimStart();
  if (after.startsWith('(') || after.startsWith('（')) return undefined; // explained already
  const cjk = /[\u3400-\u9fff]/.test(expansion + lineText.slice(range.start.character, range.end.character));
  const newText = cjk ? `（${expansion}）` : ` (${expansion})`;
  const edit: TextEdit = { range: { start: range.end, end: range.end }, newText };
  return {
    title: `Explain on first use: ${lineText.slice(range.start.character, range.end.character)}${newText}`,
    kind: CodeActionKind.RefactorRewrite,
    edit: { changes: { [uri]: [edit] } },
  };
}

/**
 * "Add '<word>' to the workspace glossary": a new section at the end of the workspace's markdown
 * glossary (created when there is none), with the line the word was selected on as its
 * definition, every markdown character escaped, so the file stays valid.
 * @param word - the selection.
 * @param lineText - the line it was selected on.
 * @param source - where that line is, for the definition (`notes.md:12`).
 * @param target - the glossary file.
 * @returns the action, or `undefined` when the selection cannot be a term or the file cannot take it.
 */
export function addTermAction(
  word: string,
  lineText: string,
  source: string,
  target: GlossaryTarget,
): CodeAction | undefined {
  const term = word.trim();
  if (term.length === 0 || term.length > MAX_NEW_TERM || /[\n|#]/.test(term)) return undefined;
  if (target.text === undefined && !target.canCreate) return undefined;
  const section = `## ${escapeMarkdown(term)}\n\n${escapeMarkdown(lineText.trim())}（${escapeMarkdown(source)}）\n`;
  const text = target.text ?? '';
  const lines = text.split('\n');
  const end = { line: lines.length - 1, character: lines.at(-1)!.length };
  const separator = text.length === 0 ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  const insert: TextEdit = { range: { start: end, end }, newText: separator + section };
  return {
    title: `Add "${term}" to the workspace glossary`,
    kind: CodeActionKind.RefactorRewrite,
    edit:
      target.text === undefined
        ? {
            documentChanges: [
              { kind: 'create', uri: target.uri, options: { ignoreIfExists: true } },
              { textDocument: { uri: target.uri, version: null }, edits: [insert] },
            ],
          }
        : { changes: { [target.uri]: [insert] } },
  };
}

/** Text with every character markdown could read as markup escaped, so it stays text. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&:]/g, (c) => `\\${c}`);
}
