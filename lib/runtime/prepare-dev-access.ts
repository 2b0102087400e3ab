// The part of `npm start` that makes a local installation usable at once: demo users and
// .data/dev-credentials.json (DESIGN.md §5). Connector credentials are kept from the
// previous file until the ingestion work writes them.
import { seedDemoUsers } from '../services/seed-demo-users.ts';
import { readDevCredentials, writeDevCredentials } from './dev-credentials.ts';

export async function prepareDevAccess(options: { databaseUrl: string; dataDir: string; baseUrl: string; seedDemoUsers: boolean }): Promise<string | undefined> {
  if (!options.seedDemoUsers) return undefined;
  const previous = readDevCredentials(options.dataDir);
  const users = await seedDemoUsers({ previous: previous?.users });
  return writeDevCredentials(options.dataDir, {
    baseUrl: options.baseUrl,
    databaseUrl: options.databaseUrl,
    connectors: previous?.connectors ?? {},
    users,
  });
}
