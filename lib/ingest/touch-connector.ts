// Keeps Connector.lastEventAt current for the connector health view without a write on
// every request: at most one UPDATE per connector every ten seconds per web process.
import { pgPool } from '../db/client.ts';

const TOUCH_INTERVAL_MS = 10_000;
const touchedAt = new Map<string, number>();

export async function touchConnector(connectorId: string, now: Date): Promise<void> {
  const last = touchedAt.get(connectorId) ?? 0;
  if (now.getTime() - last < TOUCH_INTERVAL_MS) return;
  touchedAt.set(connectorId, now.getTime());
  await pgPool().query(`UPDATE "Connector" SET "lastEventAt" = $2 WHERE id = $1::uuid AND ("lastEventAt" IS NULL OR "lastEventAt" < $2)`, [connectorId, now]);
}
