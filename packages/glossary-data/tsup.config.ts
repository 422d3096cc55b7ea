import { copyFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

// The CLI imports the library and the parser; point those imports at the files the first build
// writes, so the code ships once.
const shared: Record<string, string> = {
  [resolve('src/index.js')]: './index.js',
  [resolve('src/parser/index.js')]: './parser.js',
};
const shareDist: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'share-dist',
  setup(build) {
    build.onResolve({ filter: /index\.js$/ }, (args) => {
      const target = shared[resolve(args.resolveDir, args.path)];
      return target === undefined ? undefined : { path: target, external: true };
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
    // The library.
    ...dual,
    entry: { index: 'src/index.ts' },
    splitting: false,
    treeshake: true,
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
