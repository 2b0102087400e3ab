// Turns a failure to reach PostgreSQL into one sentence a person can act on, without
// echoing the password in the URL.

function where(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the configured server';
  }
}

export function describeDatabaseError(error: unknown, url: string): string {
  const code = typeof error === 'object' && error && 'code' in error ? String((error as { code: unknown }).code) : '';
  const target = where(url);
  switch (code) {
    case 'ECONNREFUSED':
      return `Cannot reach PostgreSQL at ${target}: the connection was refused. Is the server running and is DATABASE_URL right?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot reach PostgreSQL at ${target}: the host name does not resolve. Check DATABASE_URL.`;
    case 'ETIMEDOUT':
    case 'CONNECT_TIMEOUT':
      return `Cannot reach PostgreSQL at ${target}: the connection timed out. Check DATABASE_URL and the network.`;
    case '28P01':
    case '28000':
      return `PostgreSQL at ${target} refused the user name or password in DATABASE_URL.`;
    case '3D000':
      return `The database in DATABASE_URL (${target}) does not exist; create it first (createdb) or point DATABASE_URL at an existing one.`;
    case '53300':
      return `PostgreSQL at ${target} has no free connections (too many clients).`;
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return `Cannot use PostgreSQL at ${target}: ${message.replace(/postgres(ql)?:\/\/[^\s]+/g, '<DATABASE_URL>')}.`;
    }
  }
}
