/**
 * The MkDocs abbreviations export read by the real tool: Python-Markdown's `abbr` extension (what
 * MkDocs Material's abbreviations build on) marks the glossary's terms in a page that includes the
 * exported file. Needs `/usr/bin/markdown_py` (scripts/setup-test-tools.sh installs Debian's
 * python3-markdown; the root test script runs it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import { exportGlossary } from '../src/export/export-glossary.js';
import { getEntry, glossary } from '../src/index.js';

const MARKDOWN_PY = '/usr/bin/markdown_py';

test('Python-Markdown with the exported abbreviations marks the terms with their summaries', () => {
  if (!existsSync(MARKDOWN_PY)) throw new Error(`${MARKDOWN_PY} is missing: run scripts/setup-test-tools.sh`);
  const [abbreviations] = exportGlossary('mkdocs-abbr', [glossary]);
  const note = 'Lower the CFG when the VAE is fine and DreamBooth overfits.\n\n`CFG` in code stays.\n\n';
  const page = note + abbreviations!.text;
  const result = spawnSync(MARKDOWN_PY, ['-x', 'abbr'], { input: page, encoding: 'utf8' });
  expect(result.status).toBe(0);
  const marked = [...result.stdout.matchAll(/<abbr title="([^"]*)">([^<]*)<\/abbr>/g)].map((m) => [m[2], m[1]]);
  const titleOf = (id: string): string => {
    const entry = getEntry(id)!;
    return `${entry.headword}: ${entry.summary}`.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  };
  expect(marked).toEqual([
    ['CFG', titleOf('cfg')],
    ['VAE', titleOf('vae')],
    ['DreamBooth', titleOf('dreambooth')],
  ]);
  expect(result.stdout).toContain('<code>CFG</code>');
});
