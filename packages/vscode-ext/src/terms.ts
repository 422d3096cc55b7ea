import { localizeEntry, type GlossaryEntry } from '@sd-glossary/data';

/** A QuickPick item for one glossary entry (the shape of `vscode.QuickPickItem`, plus the entry). */
export interface TermItem {
  readonly label: string;
  readonly description: string;
  readonly detail: string;
  readonly entry: GlossaryEntry;
}

/**
 * The items of `SD Glossary: Search Terms`: the headword as label; every other form, the pinyin and
 * the initials as description, so the QuickPick's own filter finds `zl` and `zhalu` as well as
 * `炸炉`; the summary as detail.
 * @param entries - the glossary's entries.
 * @param locale - the language of the detail line (the first of `localesToShow`); the source text when there is no translation.
 * @param sourceLocale - the glossary's own language.
 * @returns one item per entry, sorted by headword.
 */
export function termItems(entries: readonly GlossaryEntry[], locale?: string, sourceLocale = 'zh-CN'): TermItem[] {
  return [...entries]
    .sort((a, b) => a.headword.localeCompare(b.headword, 'zh-CN'))
    .map((entry) => {
      const names = entry.forms.slice(1).map((f) => f.text);
      const pinyin = entry.forms.flatMap((f) =>
        f.pinyin ? [f.pinyin.full.replaceAll(' ', ''), f.pinyin.initials] : [],
      );
      const text = localizeEntry(entry, locale, sourceLocale);
      const english = text.translated && text.headword !== entry.headword ? [text.headword] : [];
      return {
        label: entry.headword,
        description: [...names, ...english, ...new Set(pinyin)].join(' · '),
        detail: text.summary,
        entry,
      };
    });
}

/**
 * The markdown shown for an entry picked in Search Terms: the definition, its links and the source.
 * @param entry - the entry.
 * @param licence - the glossary's licence line.
 */
export function termMarkdown(entry: GlossaryEntry, licence: string): string {
  const names = entry.forms.slice(1).map((f) => f.text);
  const links = entry.links.map(
    (l) => `- [${l.title}](${l.url})${l.archiveUrl ? ` ([Archive](${l.archiveUrl}))` : ''}`,
  );
  const source = entry.sources[0];
  return [
    `# ${entry.headword}`,
    names.length ? `*${names.join(' · ')}*` : '',
    entry.definition.markdown,
    links.length ? `## Links\n\n${links.join('\n')}` : '',
    `---\n\nSource: [${source.heading}](${source.url ?? ''}) · ${licence}`,
  ]
    .filter(Boolean)
    .join('\n\n');
}
