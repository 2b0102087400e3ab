// Gap-free invoice numbers (DESIGN.md §4): the InvoiceNumberSequence row of the legal
// entity and series (created at its first use) is incremented by the count needed with a
// single UPDATE ... RETURNING, which holds its row lock until the issuing transaction ends.
// Concurrent issuers of the entity wait for each other; a rollback gives the numbers back,
// so every number taken is written on an issued document. The format is the core's.
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../../db/client.ts';
import type { InvoiceKind } from '../../db/generated/enums.ts';
import { formatInvoiceNumber, invoiceNumberSeries, nextNumber } from '../../domain/billing/invoice-number.ts';
import type { IsoDate } from '../../domain/periods/calendar-date.ts';
import { AppError } from '../../errors.ts';

export interface TakenNumber {
  number: string;
  sequenceNumber: number;
}

export async function takeInvoiceNumbers(
  tx: Prisma.TransactionClient,
  options: { legalEntityId: string; legalEntityCode: string; kind: InvoiceKind; issueDate: IsoDate; count: number; now: Date },
): Promise<TakenNumber[]> {
  const { legalEntityId, legalEntityCode, kind, issueDate, count, now } = options;
  if (count <= 0) return [];
  const year = Number(issueDate.slice(0, 4));
  const series = invoiceNumberSeries({ kind, year });
  const prefix = formatInvoiceNumber({ kind, legalEntityCode, year, sequence: 1 }).slice(0, -6);
  await tx.$executeRaw`
    INSERT INTO "InvoiceNumberSequence" (id, "legalEntityId", series, prefix, padding, "nextNumber", "updatedAt")
    VALUES (${randomUUID()}::uuid, ${legalEntityId}::uuid, ${series}, ${prefix}, 6, 1, ${now})
    ON CONFLICT ("legalEntityId", series) DO NOTHING`;
  const [row] = await tx.$queryRaw<{ first: number }[]>`
    UPDATE "InvoiceNumberSequence" SET "nextNumber" = "nextNumber" + ${count}::int, "updatedAt" = ${now}
     WHERE "legalEntityId" = ${legalEntityId}::uuid AND series = ${series}
    RETURNING ("nextNumber" - ${count}::int) AS first`;
  if (!row) throw new Error(`Invoice number sequence ${series} of ${legalEntityCode} is missing`);
  return Array.from({ length: count }, (_, i) => {
    const taken = nextNumber({ legalEntityCode, kind, issueDate, nextNumber: Number(row.first) + i });
    // Rolling back returns every number of this transaction: nothing is burnt.
    if (!taken.ok) throw new AppError('CONFLICT', taken.message);
    return { number: taken.number, sequenceNumber: taken.sequenceNumber };
  });
}
