import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { AppConfig, DEV_APP_SECRET } from './app-config';
import { ConfigError } from './config-error';

const KNOWN_KEYS = Object.keys(new AppConfig());

/**
 * Reads the settings from an environment map (process.env by default), applies defaults and
 * validates them. Throws a ConfigError whose message names the first bad variable.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
): AppConfig {
  const raw: Record<string, string> = {};
  for (const key of [...KNOWN_KEYS, 'WEB_DIST_DIR']) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, {
    whitelist: true,
    forbidUnknownValues: true,
  });
  if (errors.length > 0) {
    throw new ConfigError(describe(errors[0], env));
  }
  if (
    config.NODE_ENV === 'production' &&
    config.APP_SECRET === DEV_APP_SECRET
  ) {
    throw new ConfigError(
      'Invalid configuration: APP_SECRET not set: production needs its own secret of at least 32 characters (e.g. openssl rand -base64 48)',
    );
  }
  return config;
}

function describe(
  error: ValidationError,
  env: Record<string, string | undefined>,
): string {
  const name = error.property;
  const reasons = [...new Set(Object.values(error.constraints ?? {}))];
  const given = env[name];
  const shown = given === undefined ? 'not set' : `got "${redact(given)}"`;
  return `Invalid configuration: ${name} ${shown}: ${reasons.join('; ')}`;
}

/** Never echo a password back into a log line. */
function redact(value: string): string {
  return value.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
