// The part of `npm start` that makes a local installation usable at once: demo users,
// demo connectors and .data/dev-credentials.json (DESIGN.md §5). Credentials from the
// previous file are kept while they still work.
import { seedDemoConnectors } from '../services/connectors/seed-demo-connectors.ts';
import { seedDemoUsers } from '../services/seed-demo-users.ts';
import { readDevCredentials, writeDevCredentials } from './dev-credentials.ts';

export async function prepareDevAccess(options: { databaseUrl: string; dataDir: string; baseUrl: string; seedDemoUsers: boolean }): Promise<string | undefined> {
  if (!options.seedDemoUsers) return undefined;
  const previous = readDevCredentials(options.dataDir);
  const users = await seedDemoUsers({ previous: previous?.users });
  const connectors = await seedDemoConnectors({ previous: previous?.connectors });
  return writeDevCredentials(options.dataDir, {
    baseUrl: options.baseUrl,
    databaseUrl: options.databaseUrl,
    connectors,
    users,
  });
}
