#!/usr/bin/env node
// CommonJS (see bin/package.json): the quickest way for Node to start the server.
require('../dist/main.cjs');
