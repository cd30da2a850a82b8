// Preloaded into the API by the benchmark only (node -r, started with an IPC channel): counts the SQL
// statements sent through `pg` and keeps their text and parameters. On the message 'drain' it sends
// back what was seen since the last drain and starts again. Production code is untouched.
const pg = require('pg');

let seen = [];
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(config, values, callback) {
  if (seen.length < 1000) {
    const text = typeof config === 'string' ? config : config?.text;
    const params = Array.isArray(values) ? values : config?.values;
    // A named (prepared) statement is replayed under its name, so the baseline plans it once too.
    const name = typeof config === 'object' ? config?.name : undefined;
    if (typeof text === 'string')
      seen.push({ text, params: params ?? [], ...(name ? { name } : {}) });
  }
  return original.call(this, config, values, callback);
};
process.on('message', (message) => {
  if (message !== 'drain') return;
  process.send?.({ queries: seen });
  seen = [];
});
// The IPC channel must not keep the API alive on its own.
process.channel?.unref();
