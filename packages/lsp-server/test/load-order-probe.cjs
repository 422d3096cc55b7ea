// Preloaded into the bin by stdio.test.ts (`node --require`): says on stderr whether the data
// package (the file in SD_GLOSSARY_DATA_FILE) had been loaded when the server first wrote to
// stdout (its answer to `initialize`), and whether it had been by the time the process exits.
'use strict';
const dataFile = process.env.SD_GLOSSARY_DATA_FILE;
const loaded = () => (dataFile !== undefined && dataFile in require.cache ? 'loaded' : 'not loaded');
const write = process.stdout.write;
process.stdout.write = function (...args) {
  process.stdout.write = write;
  process.stderr.write(`first reply: data package ${loaded()}\n`);
  return write.apply(this, args);
};
process.on('exit', () => process.stderr.write(`exit: data package ${loaded()}\n`));
