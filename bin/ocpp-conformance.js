#!/usr/bin/env node
// The package's command. TypeScript runs through ts-node, transpile-only (type-checking happens in `npm test`).
require('ts-node').register({ transpileOnly: true, project: require('node:path').join(__dirname, '..', 'tsconfig.json') });
require('../support/cli/main').main(process.argv.slice(2));
