// Packages the extension: `vsce package --no-dependencies` (everything the extension needs is in
// dist/, and vsce cannot walk pnpm's node_modules), then checks what went in.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const { name, version, repository } = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
const vsix = `${name}-${version}.vsix`;
const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
// The marketplaces show the README from the .vsix, and its relative links point nowhere there: vsce
// makes them absolute, into this package's directory of the repository (its own guess leaves the
// directory out).
const site = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
execFileSync(
  process.execPath,
  [
    vsce,
    'package',
    '--no-dependencies',
    '--baseImagesUrl',
    `${site}/raw/HEAD/${repository.directory}/`,
    '--baseContentUrl',
    `${site}/blob/HEAD/${repository.directory}/`,
    '--out',
    vsix,
  ],
  { cwd: here, stdio: 'inherit' },
);
const listing = execFileSync('unzip', ['-l', join(here, vsix)], { encoding: 'utf8' });
if (/node_modules/.test(listing)) throw new Error(`${vsix} contains node_modules`);
const size = statSync(join(here, vsix)).size;
// The budget, which also catches a bundle gone astray: the package holds the glossary three times (the
// desktop server, the web worker, its source pages) and the parser once, for both hosts.
if (size > 1024 * 1024) throw new Error(`${vsix} is ${size} bytes, over 1 MiB`);
console.log(`${vsix}: ${(size / 1024).toFixed(0)} KiB`);
