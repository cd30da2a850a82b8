#!/usr/bin/env node
// npm run bench -- <name> [options]: runs tools/bench/<name>.mjs (plain Node ESM, no build step).
//   npm run bench -- api [--reseed] [--keep] [--duration=10]
//   npm run bench -- overview [...]: the same, firm console overview scenarios only
//   npm run bench -- reminders [--reseed] [--keep] [--concurrency=8]: the reminder sweep on 1M dossiers
const benches = {
  api: './api.mjs',
  overview: './api.mjs',
  reminders: './reminders.mjs',
};
const [name, ...rest] = process.argv.slice(2);
const args = name === 'overview' ? [...rest, '--only=overview'] : rest;
if (!name || !(name in benches)) {
  console.error(
    `usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]`,
  );
  process.exit(2);
}
const { main } = await import(benches[name]);
process.exitCode = await main(args);
