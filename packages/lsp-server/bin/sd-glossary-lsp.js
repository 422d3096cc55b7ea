#!/usr/bin/env node
// Node's own compile cache makes every start after the first quicker where the runtime has it
// (Node 22.1 and later); on Node 20 there is none, and the server starts all the same.
require('node:module').enableCompileCache?.();
require('../dist/main.cjs');
