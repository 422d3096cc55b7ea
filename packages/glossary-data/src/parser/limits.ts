/**
 * What a glossary page, a JSON document and one definition may hold, checked by one linear scan of
 * the text before anything parses it. remark's time and memory grow with the markup, some of it
 * faster than linearly (runs of emphasis markers, closing brackets, deep nesting, wide tables), and
 * its reader and our walks of its tree recurse once per level of nesting: a file past these limits is
 * refused with an issue where it goes past them, without being parsed. The values are far above what
 * a hand-written glossary needs, the built-in page included.
 */
import { createPositionMapper, type GlossaryIssue } from './issues.js';

/** The limits, documented in the package README. */
export const glossaryLimits = {
  /** Characters in a markdown page, or in all the definitions of a JSON document together. */
  pageCharacters: 500_000,
  /** Lines in a markdown page. */
  pageLines: 20_000,
  /** Entries in a page, counted as its headings and table rows (the benchmark's largest page fits). */
  pageEntries: 3_000,
  /**
   * Quotes and lists (each level of nesting counts as one), footnote definitions and underlined
   * headings (`===` or `---` under a line) in a page: remark reads each of them in time that grows
   * with the whole page.
   */
  pageBlocks: 500,
  /**
   * Pieces of markup in a page, or in all the definitions of a JSON document together: each `|`, `[`,
   * `]`, backtick, `<`, `&`, `@`, backslash escape, web address (`://`, `www.`), and each `*`, `_`,
   * `~` that can open or close emphasis. A table row has three `|`, a link two brackets and `://`.
   */
  pageMarkup: 20_000,
  /** Characters in a definition: a table cell, a section's text (its tables aside), a JSON definition. */
  definitionCharacters: 8_000,
  /** Pieces of markup in a definition. */
  definitionMarkup: 1_000,
  /** Cells in one line: a glossary table has two (`| term | explanation |`). */
  rowCells: 16,
  /** Levels of quotes, lists and emphasis around any text. */
  nesting: 32,
  /** Characters in a JSON document (the built-in one has about 2 400 per entry). */
  documentCharacters: 4_000_000,
  /** Levels of JSON arrays and objects (a glossary document has six). */
  jsonNesting: 64,
} as const;

/** What a scan found: a message and where, as a UTF-16 offset into the scanned text. */
interface Problem {
  readonly offset: number;
  readonly message: string;
}

/** How many problems a page scan reports before it stops. */
const MAX_PROBLEMS = 20;

const count = (n: number): string => n.toLocaleString('en');
/** How messages name what `pageMarkup` counts. */
export const MARKUP = 'pieces of markup (| [ ] * _ ~ ` < & @ \\ and web addresses)';

/**
 * Checks a glossary page against `glossaryLimits` without parsing it.
 * @param text - the page's text.
 * @param file - its name, for positions.
 * @returns an issue for each limit passed, where it is passed (at most twenty); empty when the page
 *   may be parsed.
 */
export function pageLimitIssues(text: string, file: string): GlossaryIssue[] {
  const { pageCharacters } = glossaryLimits;
  if (text.length > pageCharacters) {
    return [
      {
        file,
        line: 1,
        column: 1,
        message:
          `the page has ${count(text.length)} characters; ` + `glossary pages are read up to ${count(pageCharacters)}`,
      },
    ];
  }
  const at = createPositionMapper(file, text);
  return scanMarkdown(text, true)
    .problems.sort((a, b) => a.offset - b.offset)
    .map((p) => ({ ...at(p.offset), message: p.message }));
}

/** What `definitionLimits` found in one definition. */
export interface DefinitionLimits {
  /** One message per limit passed; empty when the definition may be parsed. */
  readonly problems: string[];
  /** Its pieces of markup, for a document's total. */
  readonly markup: number;
}

/**
 * Checks one definition's markdown (a JSON document's definition, gloss or translation, or what
 * `sanitizeMarkdown` is given) against the definition limits, without parsing it.
 * @param markdown - the definition.
 * @returns the limits it passes, as messages, and its markup count.
 */
export function definitionLimits(markdown: string): DefinitionLimits {
  const { definitionCharacters } = glossaryLimits;
  if (markdown.length > definitionCharacters) {
    return {
      problems: [`${count(markdown.length)} characters; definitions are read up to ${count(definitionCharacters)}`],
      markup: 0,
    };
  }
  const { problems, markup } = scanMarkdown(markdown, false);
  return { problems: problems.map((p) => p.message), markup };
}

/**
 * Depth of JSON arrays and objects, strings skipped: the offset where it first passes the limit.
 * @param text - JSON text.
 * @returns the offset of the bracket that opens one level too many, or -1.
 */
export function jsonTooDeepAt(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > glossaryLimits.jsonNesting) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

const isWhitespace = (c: number): boolean =>
  Number.isNaN(c) || c <= 32 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f;
const isAsciiPunctuation = (c: number): boolean =>
  (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/u;
const isPunctuation = (c: number): boolean =>
  isAsciiPunctuation(c) || (c > 127 && !Number.isNaN(c) && UNICODE_PUNCTUATION.test(String.fromCharCode(c)));
const isEmphasisMarker = (c: number): boolean => c === 42 || c === 95 || c === 126; // * _ ~

/**
 * Whether a run of `*`, `_` or `~` can open or close emphasis, by CommonMark's flanking rules
 * (micromark's reading of them): a run that can do neither (`snake_case`, a spaced `*`) costs
 * nothing to resolve and is not markup.
 */
function flanking(marker: number, before: number, after: number): { open: boolean; close: boolean } {
  const left =
    isEmphasisMarker(after) ||
    (!isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before)));
  const right =
    isEmphasisMarker(before) ||
    (!isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after)));
  if (marker !== 95) return { open: left, close: right };
  return { open: left && (!right || isPunctuation(before)), close: right && (!left || isPunctuation(after)) };
}

/**
 * Quote and list markers at the start of a line (`> > - 1. `), and the indentation before and
 * between them: a list item nested in another is indented by two columns or more per level, beyond
 * the one space a marker takes.
 * @returns the levels the line opens (an upper bound) and where its content starts.
 */
function containerPrefix(text: string, start: number, end: number): { levels: number; content: number } {
  let markers = 0;
  let indent = 0; // columns of indentation, the space after each marker aside
  let i = start;
  for (;;) {
    let columns = 0;
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) {
      columns += text.charCodeAt(i) === 9 ? 4 : 1;
      i++;
    }
    indent += markers === 0 ? columns : Math.max(0, columns - 1);
    const c = text.charCodeAt(i);
    const next = i + 1 < end ? text.charCodeAt(i + 1) : 32;
    if (i < end && c === 62) {
      markers++;
      i++;
    } else if (i < end && (c === 45 || c === 43 || c === 42) && (next === 32 || next === 9)) {
      markers++;
      i++;
    } else if (c >= 48 && c <= 57) {
      let j = i;
      while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const delimiter = text.charCodeAt(j);
      const after = j + 1 < end ? text.charCodeAt(j + 1) : 32;
      if (!((delimiter === 46 || delimiter === 41) && (after === 32 || after === 9))) break;
      markers++;
      i = j + 1;
    } else break;
  }
  return { levels: markers === 0 ? 0 : markers + Math.floor(indent / 2), content: i };
}

/** A line that is only `|`, `-`, `:` and spaces, with a `|` and a `-`: a table's delimiter row. */
function isDelimiterRow(text: string, start: number, end: number): boolean {
  let pipe = false;
  let dash = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 124) pipe = true;
    else if (c === 45) dash = true;
    else if (c !== 58 && c !== 32 && c !== 9 && c !== 13) return false;
  }
  return pipe && dash;
}

/** An ATX heading (`## term`) at the top level: a section of the page starts there. */
function isHeading(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && i - start < 3 && text.charCodeAt(i) === 32) i++;
  let hashes = 0;
  while (i < end && text.charCodeAt(i) === 35) {
    hashes++;
    i++;
  }
  return hashes >= 1 && hashes <= 6 && (i === end || text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9);
}

/** The first quote or list marker of a line that has one: `>`, `-`, `+`, `*`, or a digit for `1.`. */
function firstMarker(text: string, start: number): number {
  let i = start;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57 ? 48 : c;
}

/** A line of only `=` or only `-` (and spaces after): under a paragraph line, it makes that a heading. */
function isUnderline(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && i - start < 3 && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  if (c !== 61 && c !== 45) return false;
  while (i < end && text.charCodeAt(i) === c) i++;
  return isBlank(text, i, end);
}

/** `[^label]:` at the start of a line: a footnote definition, which holds blocks like a list item. */
function isFootnoteDefinition(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && i - start < 3 && text.charCodeAt(i) === 32) i++;
  if (text.charCodeAt(i) !== 91 || text.charCodeAt(i + 1) !== 94) return false;
  for (i += 2; i < end; i++) if (text.charCodeAt(i) === 93) return text.charCodeAt(i + 1) === 58;
  return false;
}

/** A line that starts another block, ending a table: a quote, a heading, a list item, a fence, HTML. */
function startsBlock(text: string, content: number, levels: number): boolean {
  const c = text.charCodeAt(content);
  return levels > 0 || c === 35 || c === 96 || c === 126 || c === 60;
}

/** The definition being read: a table cell, or the text of a section. */
interface Definition {
  /** Where it starts: the section's heading, or the cell's first character. */
  start: number;
  readonly cell: boolean;
  chars: number;
  markup: number;
  reported: boolean;
}

const definitionAt = (start: number, cell: boolean): Definition => ({
  start,
  cell,
  chars: 0,
  markup: 0,
  reported: false,
});

/**
 * The scan itself, one pass over the text. On a page, a definition is a table cell or the text of a
 * section (from a heading to the next, its tables aside); a line is a table row when it follows a
 * header and a delimiter row in one block of lines. Where the scan cannot tell, it counts more, not
 * less: lines that may be one paragraph count as one definition.
 * @param page - a whole page (sections, tables, page totals), or one definition.
 */
function scanMarkdown(text: string, page: boolean): { problems: Problem[]; markup: number } {
  const limits = glossaryLimits;
  const problems: Problem[] = [];
  let stopped = false;
  const report = (offset: number, message: string): void => {
    problems.push({ offset, message });
    if (problems.length >= MAX_PROBLEMS) stopped = true;
  };

  let markup = 0; // in the page, or the definition
  let nestingReported = false;
  let section = definitionAt(0, false);
  let cell: Definition | undefined; // in a table row
  // Emphasis open in the current block, by marker: brackets do not nest (a link holds no link).
  const open = { star: 0, under: 0, tilde: 0 };
  const closeBlock = (): void => {
    open.star = open.under = open.tilde = 0;
  };
  const subject = (d: Definition): string =>
    d.cell ? 'a table cell has ' : page ? 'the text of this section (its tables aside) has ' : '';

  const addMarkup = (offset: number, n: number): void => {
    const d = cell ?? section;
    markup += n;
    d.markup += n;
    if (page && markup > limits.pageMarkup) {
      report(
        offset,
        `more than ${count(limits.pageMarkup)} ${MARKUP} in the page; ` +
          `glossary pages are read up to ${count(limits.pageMarkup)} (a table row has three "|")`,
      );
      stopped = true;
    } else if (d.markup > limits.definitionMarkup && !d.reported) {
      d.reported = true;
      report(
        d.start,
        `${subject(d)}more than ${count(limits.definitionMarkup)} ${MARKUP}; ` +
          `definitions are read up to ${count(limits.definitionMarkup)}`,
      );
    }
  };
  // Spaces count once something follows them in the same definition: a cell's padding does not.
  let spaces = 0;
  const addChars = (n: number): void => {
    const d = cell ?? section;
    if (d.cell && d.chars === 0) d.start = i;
    d.chars += n + (d.chars === 0 ? 0 : spaces);
    spaces = 0;
    if (d.chars > limits.definitionCharacters && !d.reported) {
      d.reported = true;
      report(
        d.start,
        `${subject(d)}more than ${count(limits.definitionCharacters)} characters; ` +
          `definitions are read up to ${count(limits.definitionCharacters)}`,
      );
    }
  };
  const checkNesting = (offset: number, levels: number): void => {
    if (nestingReported || levels <= limits.nesting) return;
    nestingReported = true;
    report(
      offset,
      `quotes, lists or emphasis nested deeper than ${limits.nesting} levels; ` +
        `glossary text is read up to ${limits.nesting}`,
    );
  };

  let entries = 0;
  let blocks = 0;
  const countEntry = (offset: number): void => {
    if (++entries <= limits.pageEntries) return;
    report(
      offset,
      `the page has more than ${count(limits.pageEntries)} entries (headings and table rows); ` +
        `glossary pages are read up to ${count(limits.pageEntries)}`,
    );
    stopped = true;
  };
  const countBlock = (offset: number): void => {
    if (++blocks <= limits.pageBlocks) return;
    report(
      offset,
      `the page has more than ${count(limits.pageBlocks)} quotes and lists (each level of nesting counting), ` +
        `footnotes and underlined headings; glossary pages are read up to ${count(limits.pageBlocks)}`,
    );
    stopped = true;
  };

  let i = 0; // the offset being read
  let inTable = false;
  let tableLine = 0; // 0 for the header, 1 for the delimiter row
  let lineNumber = 0;
  // The previous line that was not blank: its first quote or list marker (0 for none), and whether
  // it was paragraph text, which a `===` or `---` line would make a heading.
  let previousMarker = 0;
  let previousLevels = 0;
  let previousText = false;
  for (let start = 0; start <= text.length && !stopped;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const next = end + 1;
    lineNumber++;
    if (page && lineNumber > limits.pageLines) {
      report(
        start,
        `the page has more than ${count(limits.pageLines)} lines; ` +
          `glossary pages are read up to ${count(limits.pageLines)}`,
      );
      break;
    }
    const { levels, content } = containerPrefix(text, start, end);
    checkNesting(start, levels);
    if (isBlank(text, content, end)) {
      // A blank line (after any quote or list markers) ends paragraphs and tables.
      closeBlock();
      inTable = false;
      cell = undefined;
      previousText = false;
      start = next;
      continue;
    }
    if (page) {
      const marker = levels > 0 ? firstMarker(text, start) : 0;
      const heading: boolean = levels === 0 && isHeading(text, start, end);
      const underline: boolean = levels === 0 && previousText && !inTable && isUnderline(text, start, end);
      // Each level a line opens is a block of its own: remark's cost grows with them as with lists.
      const deeper = Math.min(levels, limits.nesting) - Math.min(previousLevels, limits.nesting);
      const opened = deeper > 0 ? deeper : marker !== previousMarker ? 1 : 0;
      for (let n = marker === 0 ? 0 : opened; n > 0 && !stopped; n--) countBlock(start);
      if (underline || isFootnoteDefinition(text, start, end)) countBlock(start);
      if (heading || underline) {
        countEntry(start);
        closeBlock();
        inTable = false;
        cell = undefined;
        section = definitionAt(start, false);
      } else if (inTable && startsBlock(text, content, levels)) {
        inTable = false;
        cell = undefined;
      } else if (!inTable && levels === 0 && newline !== -1 && countPipes(text, start, end) > 0) {
        const after = text.indexOf('\n', next);
        inTable = isDelimiterRow(text, next, after === -1 ? text.length : after);
        tableLine = 0;
      }
      if (inTable) {
        if (tableLine++ >= 2) countEntry(start); // the header and delimiter rows are no entries
        closeBlock();
        cell = definitionAt(content, true);
      }
      previousMarker = marker;
      previousLevels = levels;
      previousText = !heading && !underline && !inTable && levels === 0;
      if (stopped) break;
    }

    // The line's characters; a heading's own are not its section's text.
    let pipes = 0;
    spaces = 0;
    const counted = !(page && cell === undefined && section.start === start);
    for (i = content; i < end && !stopped; i++) {
      const c = text.charCodeAt(i);
      if (!counted) {
        if (c !== 124 && c !== 91 && c !== 93 && !isEmphasisMarker(c)) continue;
      } else if (c === 32 || c === 9) {
        spaces++;
        continue;
      }
      if (c === 92 && i + 1 < end && isAsciiPunctuation(text.charCodeAt(i + 1))) {
        addMarkup(i, 1);
        addChars(2);
        i++;
      } else if (c === 124) {
        if (++pipes > limits.rowCells + 1) {
          // Refused early: the line's cells are counted and the rest of it is not read.
          const all = pipes + countPipes(text, i + 1, end);
          const cells = all + 1 - (text.charCodeAt(content) === 124 ? 1 : 0) - (endsWithPipe(text, i, end) ? 1 : 0);
          report(
            start,
            `a line of ${count(cells)} table cells; a glossary table has two ` +
              `(| term | explanation |), and lines are read up to ${limits.rowCells}`,
          );
          break;
        }
        addMarkup(i, 1);
        if (inTable) {
          closeBlock();
          cell = definitionAt(i + 1, true);
          spaces = 0;
        } else addChars(1);
      } else if (c === 91 || c === 93 || c === 96 || c === 60 || c === 38 || c === 64 || isWebAddress(text, i)) {
        // Brackets, code spans, HTML and autolinks, entities, e-mail and web addresses.
        addMarkup(i, 1);
        addChars(1);
      } else if (isEmphasisMarker(c)) {
        let j = i + 1;
        while (j < end && text.charCodeAt(j) === c) j++;
        const run = j - i;
        const can = flanking(c, text.charCodeAt(i - 1), text.charCodeAt(j));
        if (can.open || can.close) {
          addMarkup(i, run);
          const key = c === 42 ? 'star' : c === 95 ? 'under' : 'tilde';
          // A run that may close closes only if it cannot open: counting more levels, not fewer.
          if (can.open) open[key] += run;
          else open[key] = Math.max(0, open[key] - run);
          checkNesting(i, levels + open.star + open.under + open.tilde);
        }
        addChars(run);
        i = j - 1;
      } else addChars(1);
    }
    spaces = 0;
    if (newline !== -1 && counted) addChars(1); // the line ending
    start = next;
  }
  return { problems, markup };
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** `://` or `www.` (any case) at an offset: where GFM may see a web address and make it a link. */
function isWebAddress(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 58) return text.startsWith('//', i + 1);
  return (c === 119 || c === 87) && text.slice(i, i + 4).toLowerCase() === 'www.';
}

/** How many unescaped `|` a piece of a line holds. */
function countPipes(text: string, start: number, end: number): number {
  let pipes = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 124) pipes++;
  }
  return pipes;
}

/** Whether the line's last character other than spaces is an unescaped `|`. */
function endsWithPipe(text: string, start: number, end: number): boolean {
  let i = end - 1;
  while (i >= start && isWhitespace(text.charCodeAt(i))) i--;
  return i >= start && text.charCodeAt(i) === 124 && text.charCodeAt(i - 1) !== 92;
}
