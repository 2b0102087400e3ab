// `npm run db:migrate`: applies pending prisma/migrations/* to the database at DATABASE_URL.
// `npm start` does the same against the embedded PostgreSQL, so this is for external databases.
import { applyMigrations } from '../lib/db/migrations/apply-migrations.ts';
import { describeDatabaseUrl } from '../lib/db/migrations/connect-database.ts';
import { reportCliFailure } from '../lib/db/migrations/report-cli-failure.ts';

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    process.stderr.write(
      'DATABASE_URL is not set: set it to the PostgreSQL database to migrate, or use `npm start`, which runs migrations on the embedded database.\n',
    );
    process.exit(1);
  }

  const target = describeDatabaseUrl(databaseUrl);
  const { applied, alreadyApplied } = await applyMigrations({
    databaseUrl,
    log: (message) => process.stdout.write(`${message}\n`),
  });
  process.stdout.write(
    applied.length === 0
      ? `${target} is up to date (${alreadyApplied} migration(s) already applied).\n`
      : `${target}: applied ${applied.length} migration(s); ${alreadyApplied} were already applied.\n`,
  );
}

main().catch((error: unknown) => reportCliFailure(error, { task: 'Applying migrations' }));
