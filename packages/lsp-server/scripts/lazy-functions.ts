import type { Plugin } from 'esbuild';

const NAMESPACE = 'lazy-functions';
/** The stand-in module's own names, which no function it stands in for may have. */
const OWN_NAMES = new Set(['lazyLoaded', 'lazyLoad', 'lazyPackage', 'lazyName']);

/**
 * An esbuild plugin for a CommonJS bundle: the bundle's imports of `specifier` stay a `require` of
 * the package, made at the first call of one of its functions instead of when the bundle starts.
 * Each imported name is bound to a stand-in that loads the package, rebinds every name to the
 * package's own function (so later calls go straight to it) and makes the call. Only functions
 * can wait like this: importing anything else from `specifier` fails the build ("No matching
 * export"), as does a package without functions.
 * @param specifier - the package, as the bundled code imports it (`@sd-glossary/data`).
 * @param functionNames - the package's function exports, read from the built package.
 * @returns the plugin.
 */
export function lazyFunctions(specifier: string, functionNames: readonly string[]): Plugin {
  const names = [...new Set(functionNames)].sort();
  if (names.length === 0) throw new Error(`lazyFunctions: ${specifier} exports no functions`);
  for (const name of names) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name))
      throw new Error(`lazyFunctions: ${JSON.stringify(name)} is not an identifier`);
    if (OWN_NAMES.has(name)) throw new Error(`lazyFunctions: ${name} is a name of the stand-in module itself`);
  }
  const exact = new RegExp(`^${specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
  return {
    name: 'lazy-functions',
    setup(build) {
      build.onResolve({ filter: exact }, (args) =>
        // The stand-in module's own `require` is the real, external one.
        args.namespace === NAMESPACE ? { path: specifier, external: true } : { path: specifier, namespace: NAMESPACE },
      );
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, () => ({
        contents: standInModule(specifier, names),
        loader: 'js',
      }));
    },
  };
}

/**
 * The source of the module that stands in for `specifier`. The package counts as loaded only once
 * `require` has returned it with every function named: a package that fails to load fails every
 * call with its error (never recursing into the stand-in).
 * @param specifier - the package.
 * @param names - the functions imported from it.
 * @returns JavaScript (ESM) source.
 */
export function standInModule(specifier: string, names: readonly string[]): string {
  return [
    'let lazyLoaded = false;',
    'function lazyLoad() {',
    '  if (lazyLoaded) return;',
    `  const lazyPackage = require(${JSON.stringify(specifier)});`,
    `  for (const lazyName of ${JSON.stringify(names)}) {`,
    `    if (typeof lazyPackage[lazyName] !== 'function') throw new TypeError(${JSON.stringify(specifier)} + ' has no function ' + lazyName);`,
    '  }',
    '  lazyLoaded = true;',
    ...names.map((name) => `  ${name} = lazyPackage.${name};`),
    '}',
    // An imported function is called without a receiver, whatever mode the bundle is in.
    ...names.map(
      (name) => `export let ${name} = function () { lazyLoad(); return ${name}.apply(undefined, arguments); };`,
    ),
    '',
  ].join('\n');
}
