// Two test projects: `unit` (pure code, no I/O, runs in parallel freely) and
// `integration` (*.int.test.ts: a real PostgreSQL; one embedded server per run, a fresh
// database per test file cloned from a migrated template).
import { defineConfig } from 'vitest/config';
import path from 'node:path';

const alias = { '@': path.resolve(import.meta.dirname) };
const exclude = ['node_modules/**', '.next/**', '.data/**', 'e2e/**'];
// Request and job logs would drown the test report; set LOG_LEVEL=debug to see them.
// A fixed application key so tests never write one into the project's .data folder.
const env = { LOG_LEVEL: process.env.LOG_LEVEL ?? 'error', THREADLINE_SECRET_KEY: 'Y3Ufn0/x9Pgku0WqR5kb6eY7R8AHQuHHjt1wSTvf0ho=' };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: [...exclude, '**/*.int.test.ts'],
          environment: 'node',
          env,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          // Run after the unit project when both run together (`npx vitest run`).
          sequence: { groupOrder: 1 },
          include: ['**/*.int.test.ts'],
          exclude,
          environment: 'node',
          env,
          globalSetup: ['test/integration-global-setup.ts'],
          setupFiles: ['test/integration-database.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file gets its own database, so files may run in parallel.
          pool: 'forks',
          maxWorkers: 2,
        },
      },
    ],
  },
});
