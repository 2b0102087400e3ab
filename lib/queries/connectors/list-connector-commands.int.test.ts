// A connector's recent commands on a real PostgreSQL: newest first, only its own, bounded,
// with the last attempt's status and duration.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { testConnector } from '../../../test/support/ingest.ts';
import { listConnectorCommands } from './list-connector-commands.ts';

describe('listConnectorCommands', () => {
  it("lists the connector's newest commands with their last attempt", async () => {
    const tag = randomUUID().slice(0, 8);
    const erp = await testConnector({ code: `cmd-erp-${tag}`, kind: 'ERP', sources: [`/test/cmd-erp-${tag}`] });
    const other = await testConnector({ code: `cmd-other-${tag}`, kind: 'PSA', sources: [`/test/cmd-other-${tag}`] });
    const at = (minute: number) => new Date(Date.UTC(2026, 2, 10, 12, minute));
    const commands = await Promise.all(
      [0, 1, 2].map((i) =>
        db().outboxCommand.create({ data: { connectorId: erp.id, kind: 'POST_INVOICE', payload: {}, idempotencyKey: randomUUID(), status: i === 2 ? 'DEAD' : 'DELIVERED', attempts: i + 1, failures: i, createdAt: at(i), lastError: i === 2 ? 'HTTP 503' : null } }),
      ),
    );
    await db().outboxCommand.create({ data: { connectorId: other.id, kind: 'CREATE_PROJECT', payload: {}, idempotencyKey: randomUUID() } });
    await db().outboxAttempt.createMany({
      data: [
        { commandId: commands[2]!.id, attemptNo: 2, startedAt: at(5), outcome: 'RETRYABLE_ERROR', httpStatus: 503, durationMs: 40 },
        { commandId: commands[2]!.id, attemptNo: 3, startedAt: at(6), outcome: 'RETRYABLE_ERROR', httpStatus: 502, durationMs: 55 },
      ],
    });

    const listed = await listConnectorCommands({ connectorId: erp.id });
    expect(listed.map((c) => c.id)).toEqual([commands[2]!.id, commands[1]!.id, commands[0]!.id]);
    expect(listed[0]).toMatchObject({ status: 'DEAD', attempts: 3, failures: 2, lastError: 'HTTP 503', lastHttpStatus: 502, lastDurationMs: 55 });
    expect(listed[2]).toMatchObject({ lastHttpStatus: null, lastDurationMs: null });
    expect(await listConnectorCommands({ connectorId: erp.id, limit: 1 })).toHaveLength(1);
  });
});
