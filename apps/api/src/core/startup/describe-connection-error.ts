/**
 * One line, in plain words, for a failure to reach PostgreSQL or Redis. Never a stack trace.
 */
export function describeConnectionError(
  error: unknown,
  what: string,
  target?: string,
): string {
  const e = error as { code?: string; message?: string; errno?: string };
  const at = target ? ` at ${target}` : '';
  switch (e?.code) {
    case 'ECONNREFUSED':
      return `Cannot reach ${what}${at}: connection refused. Is it running?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot reach ${what}${at}: the host name does not resolve.`;
    case 'ETIMEDOUT':
      return `Cannot reach ${what}${at}: the connection timed out.`;
    case '28P01':
    case '28000':
      return `${what}${at} refused the user or password: check them in the URL.`;
    case '3D000':
      return `${what}${at}: ${e.message ?? 'the database does not exist'}. Create it (createdb) or let "npm start" create it.`;
    case 'NOAUTH':
    case 'WRONGPASS':
      return `${what}${at} refused the password: check it in the URL.`;
  }
  const message = (e?.message ?? String(error)).split('\n')[0];
  if (
    /Connection is closed|ECONNREFUSED|Stream isn't writeable|enableOfflineQueue/i.test(
      message,
    )
  ) {
    return `Cannot reach ${what}${at}: connection refused or lost. Is it running?`;
  }
  if (/timeout|timed out/i.test(message)) {
    return `Cannot reach ${what}${at}: no answer in time.`;
  }
  return `${what}${at}: ${message}`;
}
