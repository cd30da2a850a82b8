// @moisson/domain for the plain Node scripts of tools/ (no build step): its TypeScript source is
// transpiled on load with the project's own TypeScript compiler (types dropped, nothing checked),
// so a script uses the same states, rules and checks as the API instead of a copy of them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const source = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'libs',
  'domain',
  'src',
);
const require = createRequire(import.meta.url);
let domain;

/** The exports of libs/domain/src/index.ts (DOSSIER_STATES, passesLuhnCheck, deadlineFor...). */
export function loadDomain() {
  if (domain) return domain;
  const previous = require.extensions['.ts'];
  // The library imports nothing but its own relative .ts files (module-boundary rule), all here.
  require.extensions['.ts'] = (module, filename) => {
    if (!filename.startsWith(source + sep))
      throw new Error(
        `tools/lib/domain.mjs loads libs/domain only, not ${filename}`,
      );
    const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
      },
    });
    module._compile(outputText, filename);
  };
  try {
    domain = require(join(source, 'index.ts'));
  } finally {
    if (previous) require.extensions['.ts'] = previous;
    else delete require.extensions['.ts'];
  }
  return domain;
}
