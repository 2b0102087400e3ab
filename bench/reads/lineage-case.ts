// GET /api/v1/lineage/{correlationId} in the read benchmark: the 5,000-node thread of
// bench/reads/seed-lineage.ts, whole (nodes, edges, events). Goal: p95 < 300 ms.
import { GET } from '../../app/api/v1/lineage/[correlationId]/route.ts';
import type { LineageGraph } from '../../lib/http/schemas/lineage.ts';
import { callRoute } from './call-route.ts';
import { describeTiming, measure, type Timing } from './measure.ts';
import { LINEAGE_CORRELATION_ID, LINEAGE_NODES } from './seed-lineage.ts';

export const LINEAGE_GOAL_MS = 300;

export interface LineageResult extends Timing {
  nodes: number;
  edges: number;
  events: number;
  bytes: number;
}

export async function runLineageCase(token: string, runs: number, say: (line: string) => void): Promise<LineageResult> {
  const url = `/api/v1/lineage/${LINEAGE_CORRELATION_ID}`;
  const call = () => callRoute(GET, url, token, { correlationId: LINEAGE_CORRELATION_ID });
  const graph = (await call()).body() as LineageGraph;
  if (graph.nodes.length !== LINEAGE_NODES) throw new Error(`The lineage thread has ${graph.nodes.length} nodes, not ${LINEAGE_NODES}`);
  const timing = await measure(`lineage of ${LINEAGE_NODES.toLocaleString('en-US')} nodes`, async () => (await call()).ms, { runs });
  say(describeTiming(timing));
  return { ...timing, nodes: graph.nodes.length, edges: graph.edges.length, events: graph.events.length, bytes: Buffer.byteLength(JSON.stringify(graph)) };
}
