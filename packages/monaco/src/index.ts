/**
 * @sd-glossary/monaco: the SD Glossary language service in a Monaco editor — hovers and completions
 * for Stable Diffusion jargon in prompt boxes and notes, and an `sd-prompt` language. It runs in the
 * editor's own thread: a prompt is small, and the service answers from one line.
 */
import { createGlossaryIndex, glossary } from '@sd-glossary/data';
import { createLanguageService, type RequestContext, type ServiceDocument } from '@sd-glossary/lsp-server/service';
import { parseSettings, type LocaleChoice } from '@sd-glossary/lsp-server/settings';
import type * as Monaco from 'monaco-editor';

/** What `registerSdGlossary` sets up. */
export interface SdGlossaryMonacoOptions {
  /** The Monaco language ids to explain terms in (default: `sd-prompt`, `markdown`, `plaintext`). */
  readonly languages?: readonly string[];
  /** The language of explanations: `zh-CN` (the book's text), `en` (SD Glossary's translation) or `both`. */
  readonly locale?: Exclude<LocaleChoice, 'auto'>;
  /** Register the `sd-prompt` language (tokens for weights, prompt editing, LoRA tags, wildcards): default true. */
  readonly promptLanguage?: boolean;
}

/** The id of the prompt language this package registers. */
export const SD_PROMPT = 'sd-prompt';

/**
 * Registers hover and completion providers backed by the SD Glossary language service, and the
 * `sd-prompt` language.
 * @param monaco - the `monaco-editor` module (or `window.monaco`).
 * @param options - languages, locale, whether to register `sd-prompt`.
 * @returns a disposable that removes everything it registered.
 */
export function registerSdGlossary(monaco: typeof Monaco, options: SdGlossaryMonacoOptions = {}): Monaco.IDisposable {
  const service = createLanguageService({ index: createGlossaryIndex(glossary), sourceUri: () => undefined });
  const context: RequestContext = { settings: parseSettings({ locale: options.locale ?? 'zh-CN' }), markdown: true };
  const languages = options.languages ?? [SD_PROMPT, 'markdown', 'plaintext'];
  const disposables: Monaco.IDisposable[] = [];
  if (options.promptLanguage !== false) disposables.push(...registerPromptLanguage(monaco));

  for (const language of languages) {
    disposables.push(
      monaco.languages.registerHoverProvider(language, {
        provideHover(model, position) {
          const hover = service.hover(documentOf(model), positionOf(position), context);
          if (!hover?.range) return null;
          const { value } = hover.contents as { value: string };
          return { contents: [{ value }], range: rangeOf(monaco, hover.range) };
        },
      }),
      monaco.languages.registerCompletionItemProvider(language, {
        provideCompletionItems(model, position, completionContext) {
          const invoked = completionContext.triggerKind === monaco.languages.CompletionTriggerKind.Invoke;
          const list = service.completion(documentOf(model), positionOf(position), invoked, context);
          if (!list) return { suggestions: [] };
          return {
            incomplete: list.isIncomplete,
            suggestions: list.items.map((item): Monaco.languages.CompletionItem => {
              const edit = item.textEdit as { range: ServiceRange; newText: string };
              const documentation = documentationOf(service.resolveCompletion(item, context).documentation);
              return {
                label: item.labelDetails?.description
                  ? { label: item.label, description: item.labelDetails.description }
                  : item.label,
                kind: monaco.languages.CompletionItemKind.Keyword,
                detail: item.detail ?? '',
                insertText: edit.newText,
                range: rangeOf(monaco, edit.range),
                filterText: item.filterText ?? item.label,
                sortText: item.sortText ?? item.label,
                ...(documentation !== undefined && { documentation }),
              };
            }),
          };
        },
      }),
    );
  }
  return { dispose: () => disposables.splice(0).forEach((d) => d.dispose()) };
}

type ServiceRange = { start: { line: number; character: number }; end: { line: number; character: number } };

/** The service's view of a Monaco model: 0-based lines and UTF-16 characters, as LSP counts. */
function documentOf(model: Monaco.editor.ITextModel): ServiceDocument {
  return {
    uri: model.uri.toString(),
    languageId: model.getLanguageId(),
    version: model.getVersionId(),
    lineCount: model.getLineCount(),
    getText(range) {
      if (!range) return model.getValue();
      // LSP's "start of the line after the last" is the end of the model for Monaco.
      const end =
        range.end.line >= model.getLineCount()
          ? { lineNumber: model.getLineCount(), column: model.getLineMaxColumn(model.getLineCount()) }
          : { lineNumber: range.end.line + 1, column: range.end.character + 1 };
      return model.getValueInRange({
        startLineNumber: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLineNumber: end.lineNumber,
        endColumn: end.column,
      });
    },
  };
}

const positionOf = (position: Monaco.Position): { line: number; character: number } => ({
  line: position.lineNumber - 1,
  character: position.column - 1,
});

function rangeOf(monaco: typeof Monaco, range: ServiceRange): Monaco.Range {
  return new monaco.Range(range.start.line + 1, range.start.character + 1, range.end.line + 1, range.end.character + 1);
}

function documentationOf(documentation: unknown): Monaco.IMarkdownString | string | undefined {
  if (typeof documentation === 'string') return documentation;
  const value = (documentation as { value?: unknown } | undefined)?.value;
  return typeof value === 'string' ? { value } : undefined;
}

/**
 * The `sd-prompt` language: A1111/ComfyUI prompt syntax as tokens, so a prompt box can colour
 * weights, prompt editing, LoRA and hypernetwork tags, wildcards and BREAK/AND.
 */
function registerPromptLanguage(monaco: typeof Monaco): Monaco.IDisposable[] {
  if (monaco.languages.getLanguages().some((l) => l.id === SD_PROMPT)) return [];
  monaco.languages.register({ id: SD_PROMPT, extensions: ['.prompt'], aliases: ['SD Prompt'] });
  return [
    monaco.languages.setLanguageConfiguration(SD_PROMPT, {
      brackets: [
        ['(', ')'],
        ['[', ']'],
        ['{', '}'],
        ['<', '>'],
      ],
      autoClosingPairs: [
        { open: '(', close: ')' },
        { open: '[', close: ']' },
        { open: '{', close: '}' },
        { open: '<', close: '>' },
      ],
    }),
    monaco.languages.setMonarchTokensProvider(SD_PROMPT, {
      tokenizer: {
        root: [
          [/\\[()[\]{}<>]/, 'string.escape'],
          [/<(lora|lyco|hypernet|embedding)(:)([^:>]+)/, ['keyword', 'delimiter', 'variable']],
          [/:-?\d+(\.\d+)?(?=[>)\]])/, 'number'],
          [/__[\w./-]+__/, 'variable'],
          [/\b(BREAK|AND)\b/, 'keyword'],
          [/embedding:[\w.-]+/, 'variable'],
          [/[()[\]{}<>]/, '@brackets'],
          [/[|:]/, 'delimiter'],
          [/,/, 'delimiter'],
        ],
      },
    }),
  ];
}
