// A bounded JSON GET from a connected system for a native connector's re-read: only the
// connector's configured endpoint, with its OUTBOUND_TOKEN, no redirects, a timeout and a
// size limit. 404 is an answer (the record is gone); anything else that is not a 200 with
// JSON means the system cannot be read now: 503, so the sender delivers again later.
import { AppError } from '../../errors.ts';
import { loadOutboundTarget, OutboundTargetError } from '../outbound-target.ts';

const READ_TIMEOUT_MS = 5000;
const MAX_ANSWER_BYTES = 1024 * 1024;

/** The parsed JSON answer, or null on 404. `what` names the read in the error message. */
export async function getFromConnector(options: { connectorCode: string; path: string; what: string; now: Date }): Promise<unknown | null> {
  const { connectorCode, what, now } = options;
  const unavailable = (why: string) => new AppError('UNAVAILABLE', `Connector ${connectorCode} could not be read for ${what}: ${why}. Send the event again later.`);
  let target;
  try {
    target = await loadOutboundTarget({ code: connectorCode, now });
  } catch (error) {
    if (error instanceof OutboundTargetError) throw unavailable(error.message);
    throw error;
  }
  const url = new URL(options.path.replace(/^\/+/, ''), target.baseUrl);
  let response: Response;
  let body: string;
  try {
    response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(READ_TIMEOUT_MS), headers: { Authorization: `Bearer ${target.token}`, Accept: 'application/json' } });
    body = await response.text();
  } catch (error) {
    throw unavailable(error instanceof Error ? error.message : 'no answer');
  }
  if (response.status === 404) return null;
  if (response.status !== 200) throw unavailable(`it answered ${response.status}`);
  if (body.length > MAX_ANSWER_BYTES) throw unavailable('the answer is larger than 1 MiB');
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw unavailable('the answer is not JSON');
  }
}
