import { copyFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

// The built-in glossary's entry imports the core, and the CLI the library and the parser: point
// those imports at the files the other builds write (in the build's own module format), so the code
// ships once.
const shared: Record<string, string> = {
  [resolve('src/core.js')]: './core',
  [resolve('src/index.js')]: './index',
  [resolve('src/parser/index.js')]: './parser',
};
const shareDist: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'share-dist',
  setup(build) {
    const extension = build.initialOptions.outExtension?.['.js'] ?? '.js';
    build.onResolve({ filter: /(?:index|core)\.js$/ }, (args) => {
      const target = shared[resolve(args.resolveDir, args.path)];
      return target === undefined ? undefined : { path: target + extension, external: true };
    });
  },
};

// Every build bundles everything it uses (the parser: unified, remark, Ajv, pinyin-pro), so the
// package has no runtime dependencies.
const bundled: Options = { target: 'node20', platform: 'node', noExternal: [/.*/] };
// ESM and CommonJS, each with its own declarations.
const dual: Options = { ...bundled, format: ['esm', 'cjs'], dts: true, tsconfig: 'tsconfig.build.json' };

export default defineConfig([
  {
    // The library: the functions (core), and the built-in glossary with them (index).
    ...dual,
    entry: { core: 'src/core.ts', index: 'src/index.ts' },
    splitting: false,
    treeshake: true,
    esbuildPlugins: [shareDist],
    onSuccess: async () => {
      await copyFile('../../schema/glossary.schema.json', 'schema.json');
    },
  },
  {
    // The parser carries unified/remark, Ajv and pinyin-pro: minified, it is about half the size.
    ...dual,
    entry: { parser: 'src/parser/index.ts' },
    minify: true,
  },
  {
    ...bundled,
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    banner: { js: '#!/usr/bin/env node' },
    esbuildPlugins: [shareDist],
  },
]);
