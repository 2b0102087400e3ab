// Locks a connector's row for the rest of the transaction (lock, check, act): two
// rotations at once must not both read the same "current" credentials.
import type { Prisma } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { CONNECTOR_CODE_PATTERN } from './connector-rules.ts';

export async function findConnectorForUpdate(tx: Prisma.TransactionClient, code: string) {
  if (!CONNECTOR_CODE_PATTERN.test(code)) throw notFound(code);
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Connector" WHERE "code" = ${code} FOR UPDATE`;
  if (locked.length === 0) throw notFound(code);
  return tx.connector.findUniqueOrThrow({ where: { code } });
}

function notFound(code: string): AppError {
  return new AppError('NOT_FOUND', `There is no connector with code ${code}.`);
}
