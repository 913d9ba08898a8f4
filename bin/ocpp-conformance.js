#!/usr/bin/env node
// The package's command. It runs the compiled JavaScript in dist/ when that is up to date (always, in an installed
// package; in a checkout, after `npm run build`, which `npm ci` runs), else the TypeScript sources through ts-node,
// transpile-only (type-checking happens in `npm test`). See support/cli/package-root.ts.
const { join } = require('node:path');

const compiledCli = join(__dirname, '..', 'dist', 'support', 'cli');
let compiled = false;
try {
  compiled = require(join(compiledCli, 'package-root.js')).useCompiled();
} catch {
  // Not built.
}
if (!compiled) require('ts-node').register({ transpileOnly: true, project: join(__dirname, '..', 'tsconfig.json') });
require(compiled ? join(compiledCli, 'main.js') : '../support/cli/main').main(process.argv.slice(2));
