// Prisma CLI configuration. The schema is split by domain under prisma/schema/.
// Migrations are authored and applied offline by scripts/db-migrate*.ts (see docs/OPERATIONS.md);
// the url below only matters to Prisma CLI commands run on a machine with network access.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/threadline' },
});
