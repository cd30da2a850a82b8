#!/usr/bin/env node
// npm run bench -- <name> [options]: runs tools/bench/<name>.mjs (plain Node ESM, no build step).
//   npm run bench -- api [--reseed] [--keep] [--duration=10]
const benches = { api: './api.mjs' };
const [name, ...args] = process.argv.slice(2);
if (!name || !(name in benches)) {
  console.error(
    `usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]`,
  );
  process.exit(2);
}
const { main } = await import(benches[name]);
process.exitCode = await main(args);
