// The release: the npm packages with provenance, and the VS Code extension's one .vsix to the Visual
// Studio Marketplace and to Open VSX. The release workflow (.github/workflows/release.yml) runs it on
// a version tag, after `pnpm package` has built everything and the .vsix.
//
//   node scripts/release.mjs            publish; the accounts' tokens come from the environment:
//                                       NODE_AUTH_TOKEN (npm), VSCE_PAT (Marketplace), OVSX_PAT (Open VSX)
//   node scripts/release.mjs --dry-run  everything that needs no account: the manifests checked,
//                                       `pnpm publish --dry-run`, and the .vsix uploaded by ovsx to a
//                                       stand-in of the Open VSX API on this machine
//
// A version that is already published is skipped, so running it again after a partial failure
// publishes what is left.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/**
 * The workspace's packages that are released, by where: a package with `engines.vscode` is a VS Code
 * extension (the marketplaces), any other that is not `private` goes to npm.
 */
export function releasedPackages() {
  const npm = [];
  const extensions = [];
  for (const name of readdirSync(join(root, 'packages')).sort()) {
    const file = join(root, 'packages', name, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = readJson(file);
    if (manifest.private) continue;
    (manifest.engines?.vscode ? extensions : npm).push({ dir: `packages/${name}`, manifest });
  }
  return { npm, extensions };
}

/** Where `pnpm package` writes an extension's .vsix. */
export const vsixOf = ({ dir, manifest }) => join(root, dir, `${manifest.name}-${manifest.version}.vsix`);

/**
 * What must hold before anything is published, each problem with the file it is in.
 * @param repository - the root manifest's `repository`.
 * @param packages - `releasedPackages()`.
 * @param env - `GITHUB_REPOSITORY` when run by GitHub Actions: npm provenance needs the manifests to
 *   name the repository the workflow runs in.
 * @param exists - whether a file exists.
 */
export function checkRelease(repository, { npm, extensions }, env, exists) {
  const problems = [];
  const url = repository?.url;
  if (typeof url !== 'string') problems.push('package.json: repository.url is missing');
  else if (env.GITHUB_REPOSITORY && url !== `git+https://github.com/${env.GITHUB_REPOSITORY}.git`) {
    problems.push(
      `package.json: repository.url is ${url}, but this runs in ${env.GITHUB_REPOSITORY}; ` +
        'npm provenance needs the packages to name the repository they are built in',
    );
  }
  for (const { dir, manifest } of [...npm, ...extensions]) {
    const where = `${dir}/package.json`;
    if (manifest.repository?.url !== url || manifest.repository?.directory !== dir) {
      problems.push(`${where}: repository must be { "type": "git", "url": "${url}", "directory": "${dir}" }`);
    }
    if (!manifest.license) problems.push(`${where}: license is missing`);
  }
  for (const extension of extensions) {
    for (const field of ['publisher', 'displayName', 'icon']) {
      if (!extension.manifest[field]) problems.push(`${extension.dir}/package.json: ${field} is missing`);
    }
    if (!exists(vsixOf(extension))) {
      problems.push(`${extension.dir}: ${vsixOf(extension)} is missing; \`pnpm package\` builds it`);
    }
  }
  return problems;
}

function run(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    console.log(`+ ${command} ${args.join(' ')}`);
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args[0]} exited with ${code}`)),
    );
  });
}

/**
 * Runs `upload(registryUrl)` against a stand-in of the Open VSX publish API on this machine, which
 * accepts one upload and answers as Open VSX does.
 * @returns the bytes uploaded and the token they came with.
 */
async function throughStandIn(manifest, upload) {
  const received = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const ok = request.method === 'POST' && url.pathname === '/api/-/publish';
      if (ok) received.push({ body: Buffer.concat(chunks), token: url.searchParams.get('token') });
      response.writeHead(ok ? 201 : 404, { 'content-type': 'application/json' });
      const { publisher: namespace, name, version } = manifest;
      response.end(JSON.stringify(ok ? { namespace, name, version, targetPlatform: 'universal' } : { error: 'no' }));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await upload(`http://127.0.0.1:${server.address().port}`);
  } finally {
    server.close();
  }
  if (received.length !== 1) throw new Error(`the Open VSX stand-in received ${received.length} uploads, not one`);
  return received[0];
}

async function release(dryRun) {
  const packages = releasedPackages();
  const { repository, packageManager } = readJson(join(root, 'package.json'));
  const problems = checkRelease(repository, packages, process.env, existsSync);
  if (problems.length > 0) throw new Error(`not released:\n  ${problems.join('\n  ')}`);

  const pnpm = ['--yes', packageManager];
  const filters = packages.npm.map(({ manifest }) => `--filter=${manifest.name}`);
  await run('npx', [
    ...pnpm,
    'publish',
    '-r',
    ...filters,
    '--access',
    'public',
    '--no-git-checks',
    dryRun ? '--dry-run' : '--provenance',
  ]);

  for (const extension of packages.extensions) {
    const vsix = vsixOf(extension);
    const tools = createRequire(join(root, extension.dir, 'package.json'));
    const vsce = tools.resolve('@vscode/vsce/vsce');
    const ovsx = tools.resolve('ovsx/bin/ovsx');
    if (dryRun) {
      // The same .vsix for both marketplaces: ovsx uploads it as it is.
      const { body, token } = await throughStandIn(extension.manifest, (registryUrl) =>
        run(process.execPath, [ovsx, 'publish', vsix, '--skip-duplicate'], {
          OVSX_REGISTRY_URL: registryUrl,
          OVSX_PAT: 'dry-run',
        }),
      );
      if (token !== 'dry-run' || !body.equals(readFileSync(vsix)))
        throw new Error(`ovsx did not upload ${vsix} as it is`);
      console.log(`${vsix}: ovsx uploads it unchanged; vsce publishes the same file`);
    } else {
      await run(process.execPath, [vsce, 'publish', '--packagePath', vsix, '--skip-duplicate']);
      await run(process.execPath, [ovsx, 'publish', vsix, '--skip-duplicate']);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  release(process.argv.includes('--dry-run')).catch((error) => {
    console.error(`release: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
