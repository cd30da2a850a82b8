import { ConfigError } from '../config/config-error';
import { StartupError } from './preflight';

/**
 * Runs a process entry point. A known startup problem (bad configuration, database unreachable,
 * port taken) prints one line on stderr and exits 1; anything else prints its stack (a bug).
 */
export function runOrExit(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof StartupError) {
      process.stderr.write(`moisson ${name}: ${error.message}\n`);
    } else {
      process.stderr.write(
        `moisson ${name}: failed to start: ${(error as Error)?.stack ?? String(error)}\n`,
      );
    }
    process.exit(1);
  });
}
