// Where the embedded PostgreSQL keeps its files. PostgreSQL refuses to run as root, so
// as root it runs as the `postgres` user, which must be able to reach the folder. When
// the project lives where that user cannot go (e.g. under /root), the files live under
// /var/lib/threadline/<hash> and <dataDir>/postgres is a symlink to them.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import path from 'node:path';

function runsAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function ensurePostgresUser(): void {
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
  } catch {
    execFileSync('groupadd', ['-f', 'postgres'], { stdio: 'ignore' });
    execFileSync('useradd', ['-g', 'postgres', 'postgres'], { stdio: 'ignore' });
  }
}

function postgresCanEnter(dir: string): boolean {
  try {
    execFileSync('runuser', ['-u', 'postgres', '--', 'test', '-x', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The directory to give PostgreSQL as its data directory (created or linked as needed). */
export function resolvePostgresDataDir(dataDir: string): string {
  const linkOrDir = path.join(dataDir, 'postgres');
  if (!runsAsRoot()) return linkOrDir;
  ensurePostgresUser();
  if (existsSync(linkOrDir) && lstatSync(linkOrDir).isSymbolicLink()) return realpathSync(linkOrDir);
  if (existsSync(linkOrDir) || postgresCanEnter(dataDir)) return linkOrDir;
  // Our own folder may simply be private (mkdtemp makes 0700): open it for traversal.
  chmodSync(dataDir, 0o755);
  if (postgresCanEnter(dataDir)) return linkOrDir;
  const hash = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  const outside = path.join('/var/lib/threadline', hash, 'postgres');
  mkdirSync(path.dirname(outside), { recursive: true, mode: 0o755 });
  chmodSync('/var/lib/threadline', 0o755);
  symlinkSync(outside, linkOrDir);
  return outside;
}
