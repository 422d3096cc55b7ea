#!/usr/bin/env node
// CommonJS (see bin/package.json): the quickest way for Node to start the server. boot.cjs runs
// the bundled server (main.cjs) with a code cache.
require('../dist/boot.cjs');
