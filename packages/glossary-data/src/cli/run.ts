import { parseArgs } from 'node:util';
import { basename, dirname, join } from 'node:path';
import {
  createGlossaryIndex,
  findDiscouraged,
  findTerms,
  fixDiscouraged,
  getEntry,
  glossary,
  localize,
  lookup,
  search,
  type DiscouragedUse,
} from '../index.js';
import { exportFormats, exportGlossary, type ExportedFile, type ExportFormat } from '../export/export-glossary.js';
import type { Glossary, GlossaryEntry } from '../glossary-types.js';
import type { SearchResult } from '../search-index.js';

/** What the CLI reads and writes; the bin passes the process's, tests pass fakes. */
export interface CliIo {
  /** Writes to standard output. */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  /**
   * Reads a file as UTF-8.
   * @param path - as the user gave it.
   * @returns its text; throws when it cannot be read.
   */
  readFile(path: string): Promise<string>;
  /**
   * Writes files into a directory, none of them half-written (`export --out`).
   * @param dir - the output directory, as the user gave it.
   * @param files - the files, with paths relative to `dir`.
   * @returns the paths written; throws when a file cannot be written.
   */
  writeFiles?(dir: string, files: readonly ExportedFile[]): Promise<string[]>;
}

const FORMAT_LINES = Object.entries(exportFormats)
  .map(([name, info]) => `                          ${name.padEnd(20)}${info.description}`)
  .join('\n');

const USAGE = `Usage: sd-glossary <command> [options]

Commands:
  lookup <term>           Show the entry a term names (CFG, cfg_scale, 炸炉, DreamBooth…)
  search <prefix>         List entries whose form, pinyin or initials start with a prefix (zl → 炸炉)
  scan <file…>            List every glossary term used in files
  validate <file>         Check a glossary markdown page or JSON document: errors, limits and what
                          a hover would leave out, each as file:line:col
  export --format <f>     Write the terms for another tool, sorted, the same bytes each run:
${FORMAT_LINES}
  lint <file…>            Report spellings the glossary discourages (Lora → LoRA) outside code, as
                          file:line:col; --fix writes the preferred ones

Options:
  --json                  Machine-readable output (lookup, search, scan, lint)
  --limit <n>             Most results for search (default 20)
  --overlay <file>        Overlay JSON to apply when validating a markdown page
  --locale <tag>          Language of definitions and summaries: zh-CN (the source, default) or en
  --out <dir>             Where export writes its files (a one-file format prints to stdout without it)
  --glossary <file>       A glossary markdown page or JSON document to export or lint with the built-in
                          one (repeatable; an entry with a built-in id replaces it)
  --fix                   lint: replace every discouraged spelling with the preferred one, in place
  -h, --help              Show this help
  -v, --version           Show the version

Exit status: 0 success, 1 nothing found (lookup, search, scan) or a problem found (validate, lint
without --fix, or in a --glossary file), 2 usage error, unreadable or unwritable file or internal error.
The glossary text is GFDL-1.3-or-later, © 2022 StableDiffusionBook (${glossary.source?.url ?? ''});
SD Glossary's translation and editorial entries are © 2026 SD Glossary contributors, under the same licence.
`;

const OPTIONS = {
  json: { type: 'boolean' },
  limit: { type: 'string' },
  overlay: { type: 'string' },
  locale: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  glossary: { type: 'string', multiple: true },
  fix: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/**
 * Runs the `sd-glossary` command line. It does not throw: what goes wrong unexpectedly is one line
 * on standard error and exit status 2, never a stack trace.
 * @param argv - the arguments after the program name.
 * @param io - where to read and write.
 * @returns the exit status.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    io.stderr(`sd-glossary: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(`sd-glossary: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${glossary.version ?? 'unknown'}\n`);
    return 0;
  }
  const [command, ...args] = positionals;
  if (values.help || command === undefined || command === 'help') {
    (command === undefined && !values.help ? io.stderr : io.stdout)(USAGE);
    return command === undefined && !values.help ? 2 : 0;
  }
  const json = values.json === true;
  const locale = values.locale;
  if (locale !== undefined && !isKnownLocale(locale))
    return usage(io, `--locale takes ${knownLocales().join(' or ')}, not "${locale}"`);
  switch (command) {
    case 'lookup':
      return args.length === 1 ? lookupCommand(args[0]!, json, locale, io) : usage(io, 'lookup takes one term');
    case 'search': {
      const limit = values.limit === undefined ? 20 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1) return usage(io, '--limit takes a whole number from 1');
      return args.length === 1
        ? searchCommand(args[0]!, limit, json, locale, io)
        : usage(io, 'search takes one prefix');
    }
    case 'scan':
      return args.length > 0 ? scanCommand(args, json, locale, io) : usage(io, 'scan takes one or more files');
    case 'validate':
      return args.length === 1 ? validateCommand(args[0]!, values.overlay, io) : usage(io, 'validate takes one file');
    case 'export':
      return args.length === 0
        ? exportCommand(values.format, values.out, values.glossary ?? [], locale, io)
        : usage(io, `export takes no arguments, not "${args[0]}"`);
    case 'lint':
      return args.length > 0
        ? lintCommand(args, { json, fix: values.fix === true }, values.glossary ?? [], io)
        : usage(io, 'lint takes one or more files');
    default:
      return usage(io, `unknown command "${command}"`);
  }
}

function knownLocales(): string[] {
  return [glossary.locale, ...(glossary.translations ?? []).map((t) => t.locale)];
}

function isKnownLocale(tag: string): boolean {
  return knownLocales().some(
    (l) => l.toLowerCase() === tag.toLowerCase() || l.split('-')[0] === tag.toLowerCase().split('-')[0],
  );
}

function usage(io: CliIo, message: string): number {
  io.stderr(`sd-glossary: ${message}\n\n${USAGE}`);
  return 2;
}

function formatEntry(entry: GlossaryEntry, locale: string | undefined): string {
  const text = localize(entry, locale);
  const others = entry.forms.slice(1).map((f) => f.text);
  const names = text.translated ? [entry.headword, ...others] : others;
  const translation = text.translated ? ` · ${text.locale}, translated by SD Glossary` : '';
  const lines = [`${text.headword}  (${entry.id} · ${entry.category}${translation})`];
  if (names.length) lines.push(`  also: ${names.join(', ')}`);
  lines.push('', ...indent(text.definition.text));
  if (text.gloss) lines.push('', `  ${text.translated ? 'jargon table' : '黑话'}: ${text.gloss.text}`);
  for (const link of entry.links) {
    lines.push(`  link: ${link.title} <${link.url}>${link.archiveUrl ? ` (archive <${link.archiveUrl}>)` : ''}`);
  }
  if (entry.seeAlso.length) {
    lines.push(`  see also: ${entry.seeAlso.map((id) => getEntry(id)?.headword ?? id).join(', ')}`);
  }
  const source = entry.sources[0];
  const where = source.url ?? `${source.file}:${source.line}`;
  const spdx = glossary.license?.spdx ?? '';
  if (entry.origin === 'editorial') {
    // Our own text, not the book's: it says so, and what it rests on.
    for (const reference of entry.references ?? []) lines.push(`  reference: ${reference.title} <${reference.url}>`);
    lines.push(`  editorial: SD Glossary, ${where} (${spdx}, © 2026 SD Glossary contributors)`);
  } else {
    lines.push(`  source: ${where} (${spdx}, © 2022 StableDiffusionBook)`);
  }
  return `${lines.join('\n')}\n`;
}

function indent(text: string): string[] {
  return text.split('\n').map((line) => (line ? `  ${line}` : ''));
}

function lookupCommand(term: string, json: boolean, locale: string | undefined, io: CliIo): number {
  const found = lookup(term);
  if (json) {
    io.stdout(`${JSON.stringify(found, null, 2)}\n`);
    return found.length ? 0 : 1;
  }
  if (found.length === 0) {
    const near = search(term, { limit: 5 });
    io.stderr(`no entry for "${term}"${near.length ? `; did you mean: ${near.map((r) => r.form).join(', ')}` : ''}\n`);
    return 1;
  }
  io.stdout(found.map((e) => formatEntry(e, locale)).join('\n'));
  return 0;
}

function searchCommand(prefix: string, limit: number, json: boolean, locale: string | undefined, io: CliIo): number {
  const results = search(prefix, { limit });
  if (json) {
    const out = results.map((r: SearchResult) => ({
      id: r.entry.id,
      headword: r.entry.headword,
      form: r.form,
      matchedBy: r.matchedBy,
      exact: r.exact,
      summary: localize(r.entry, locale).summary,
    }));
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return results.length ? 0 : 1;
  }
  if (results.length === 0) {
    io.stderr(`nothing starts with "${prefix}"\n`);
    return 1;
  }
  for (const r of results) {
    const via = r.matchedBy === 'pinyin' || r.matchedBy === 'initials' ? ` [${r.matchedBy}]` : '';
    const form = r.form === r.entry.headword ? r.form : `${r.form} → ${r.entry.headword}`;
    io.stdout(`${form}${via}  ${localize(r.entry, locale).summary}\n`);
  }
  return 0;
}

async function scanCommand(
  files: readonly string[],
  json: boolean,
  locale: string | undefined,
  io: CliIo,
): Promise<number> {
  const hits: Array<{
    file: string;
    line: number;
    column: number;
    start: number;
    end: number;
    text: string;
    ids: readonly string[];
  }> = [];
  for (const file of files) {
    const text = await readInput(file, io);
    if (text === undefined) return 2;
    let line = 1;
    let lineStart = 0;
    let cursor = 0;
    for (const match of findTerms(text)) {
      for (; cursor < match.start; cursor++) {
        if (text.charCodeAt(cursor) === 10) {
          line++;
          lineStart = cursor + 1;
        }
      }
      hits.push({
        file,
        line,
        column: match.start - lineStart + 1,
        start: match.start,
        end: match.end,
        text: match.text,
        ids: match.ids,
      });
    }
  }
  if (json) {
    io.stdout(`${JSON.stringify(hits, null, 2)}\n`);
    return hits.length ? 0 : 1;
  }
  for (const hit of hits) {
    const names = hit.ids.map((id) => localize(getEntry(id)!, locale)).map((t) => `${t.headword}: ${t.summary}`);
    io.stdout(`${hit.file}:${hit.line}:${hit.column}  ${hit.text}  → ${names.join(' | ')}\n`);
  }
  const distinct = new Set(hits.flatMap((h) => h.ids));
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  io.stdout(
    `${plural(hits.length, 'term occurrence', 'term occurrences')}, ` +
      `${plural(distinct.size, 'distinct entry', 'distinct entries')} in ${plural(files.length, 'file', 'files')}\n`,
  );
  return hits.length ? 0 : 1;
}

async function validateCommand(file: string, overlayFile: string | undefined, io: CliIo): Promise<number> {
  const isMarkdown = /\.(md|markdown)$/i.test(file);
  if (!isMarkdown && !/\.json$/i.test(file)) return usage(io, `validate reads .md or .json files, not "${file}"`);
  let text: string;
  let overlay: string | undefined;
  try {
    text = await io.readFile(file);
    overlay = overlayFile === undefined ? undefined : await io.readFile(overlayFile);
  } catch (error) {
    const { path, code, message } = error as NodeJS.ErrnoException;
    io.stderr(`sd-glossary: cannot read ${path ?? file}: ${code ?? message}\n`);
    return 2;
  }
  const parser = await import('../parser/index.js');
  const result = isMarkdown
    ? parser.buildGlossary({
        markdown: text,
        markdownFile: file,
        ...(overlay !== undefined && { overlay, overlayFile: overlayFile! }),
        locale: 'zh-CN',
      })
    : parser.validateGlossaryJson(text, file);
  // A valid document can still hold what a hover leaves out (raw HTML, images, command: links) or
  // URLs a markdown link cannot hold: the user hears of those too.
  const problems = result.glossary ? parser.checkHoverContent(result.glossary, result.locate) : result.issues;
  if (!result.glossary || problems.length > 0) {
    for (const issue of problems) io.stderr(`${parser.formatIssue(issue)}\n`);
    io.stderr(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
    return 1;
  }
  io.stdout(
    `${file}: ok, ${result.glossary.entries.length} entr${result.glossary.entries.length === 1 ? 'y' : 'ies'}\n`,
  );
  return 0;
}

function isExportFormat(name: string): name is ExportFormat {
  return Object.hasOwn(exportFormats, name);
}

async function exportCommand(
  format: string | undefined,
  out: string | undefined,
  glossaryFiles: readonly string[],
  locale: string | undefined,
  io: CliIo,
): Promise<number> {
  const names = Object.keys(exportFormats).join(', ');
  if (format === undefined) return usage(io, `export needs --format: ${names}`);
  if (!isExportFormat(format)) return usage(io, `--format takes ${names}, not "${format}"`);
  if (out === undefined && exportFormats[format].multiFile) {
    return usage(io, `--format ${format} writes several files: give a directory with --out`);
  }
  const extras = await readGlossaries(glossaryFiles, io);
  if (typeof extras === 'number') return extras;
  const files = exportGlossary(format, [glossary, ...extras], locale === undefined ? {} : { locale });
  if (out === undefined) {
    io.stdout(files[0]!.text);
    return 0;
  }
  if (!io.writeFiles) return usage(io, '--out is not available here');
  let written: string[];
  try {
    written = await io.writeFiles(out, files);
  } catch (error) {
    const { path, code, message } = error as NodeJS.ErrnoException;
    io.stderr(`sd-glossary: cannot write ${path ?? join(out, files[0]!.path)}: ${code ?? message}\n`);
    return 2;
  }
  for (const path of written) io.stdout(`${path}\n`);
  return 0;
}

/**
 * Reads the `--glossary` files, every one before anything is written, so a bad one leaves the output
 * as it was.
 * @returns the documents, or the exit status after saying what is wrong (1: problems, 2: usage or unreadable).
 */
async function readGlossaries(files: readonly string[], io: CliIo): Promise<Glossary[] | number> {
  const extras: Glossary[] = [];
  let problems = 0;
  for (const file of files) {
    if (!/\.(md|markdown|json)$/i.test(file)) return usage(io, `--glossary reads .md or .json files, not "${file}"`);
    const text = await readInput(file, io);
    if (text === undefined) return 2;
    const parser = await import('../parser/index.js');
    const result = parser.parseGlossaryFile(text, file);
    if (result.glossary) extras.push(result.glossary);
    else {
      for (const issue of result.issues) io.stderr(`${parser.formatIssue(issue)}\n`);
      problems += result.issues.length;
    }
  }
  if (problems > 0) {
    io.stderr(`sd-glossary: ${problems} problem${problems === 1 ? '' : 's'}; nothing written\n`);
    return 1;
  }
  return extras;
}

async function lintCommand(
  files: readonly string[],
  options: { json: boolean; fix: boolean },
  glossaryFiles: readonly string[],
  io: CliIo,
): Promise<number> {
  const extras = await readGlossaries(glossaryFiles, io);
  if (typeof extras === 'number') return extras;
  // The user's entries after the built-in ones, so that one with a built-in id replaces it.
  const index = createGlossaryIndex({
    ...glossary,
    entries: [...glossary.entries, ...extras.flatMap((g) => g.entries)],
  });
  const found: Array<{ file: string; text: string; uses: DiscouragedUse[] }> = [];
  for (const file of files) {
    const text = await readInput(file, io);
    if (text === undefined) return 2;
    const uses = findDiscouraged(index, text, /\.(md|markdown|mdx)$/i.test(file));
    if (uses.length) found.push({ file, text, uses });
  }
  const all = found.flatMap(({ file, uses }) =>
    uses.map((u) => ({
      file,
      line: u.line + 1,
      column: u.character + 1,
      text: u.text,
      preferred: u.preferred,
      id: u.id,
    })),
  );
  if (options.json) io.stdout(`${JSON.stringify(all, null, 2)}\n`);
  else for (const u of all) io.stdout(`${u.file}:${u.line}:${u.column}  ${u.text} → ${u.preferred}\n`);
  if (!options.fix) {
    if (!options.json) io.stdout(`${all.length} discouraged spelling${all.length === 1 ? '' : 's'}\n`);
    return all.length ? 1 : 0;
  }
  if (!io.writeFiles) return usage(io, '--fix is not available here');
  for (const { file, text, uses } of found) {
    try {
      await io.writeFiles(dirname(file), [{ path: basename(file), text: fixDiscouraged(text, uses) }]);
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      io.stderr(`sd-glossary: cannot write ${file}: ${code ?? message}\n`);
      return 2;
    }
  }
  if (!options.json) io.stdout(`fixed ${all.length} in ${found.length} file${found.length === 1 ? '' : 's'}\n`);
  return 0;
}

/**
 * Reads a file the user named, or says why it cannot be read.
 * @returns its text, or `undefined` after the message (the command then exits 2).
 */
async function readInput(file: string, io: CliIo): Promise<string | undefined> {
  try {
    return await io.readFile(file);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    io.stderr(`sd-glossary: cannot read ${file}: ${code ?? message}\n`);
    return undefined;
  }
}
