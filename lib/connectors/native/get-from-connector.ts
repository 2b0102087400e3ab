// A bounded JSON GET from a connected system for a native connector's re-read: only the
// connector's configured endpoint, with its OUTBOUND_TOKEN, through the outbox's guarded
// request (DNS checked and pinned, private ranges only where the connector allows them, no
// redirects), a timeout and a size limit. 404 is an answer (the record is gone); anything
// else that is not a 200 with JSON means the system cannot be read now: 503, so the sender
// delivers again later.
import { AppError } from '../../errors.ts';
import { sendToConnector } from '../../outbox/deliver/post-command.ts';
import { loadOutboundTarget, OutboundTargetError } from '../outbound-target.ts';

const READ_TIMEOUT_MS = 5000;

/** The parsed JSON answer, or null on 404. `what` names the read in the error message. */
export async function getFromConnector(options: { connectorCode: string; path: string; what: string; now: Date }): Promise<unknown | null> {
  const { connectorCode, what, now } = options;
  const unavailable = (why: string) => new AppError('UNAVAILABLE', `Connector ${connectorCode} could not be read for ${what}: ${why.replace(/\.$/, '')}. Send the event again later.`);
  let target;
  try {
    target = await loadOutboundTarget({ code: connectorCode, now });
  } catch (error) {
    if (error instanceof OutboundTargetError) throw unavailable(error.message);
    throw error;
  }
  const answer = await sendToConnector({ method: 'GET', baseUrl: target.baseUrl, path: options.path, token: target.token, timeoutMs: READ_TIMEOUT_MS, allowPrivate: target.allowPrivate });
  switch (answer.kind) {
    case 'refused':
      throw unavailable(answer.reason);
    case 'timeout':
      throw unavailable(`no answer within ${READ_TIMEOUT_MS / 1000} s`);
    case 'network':
      throw unavailable(answer.error);
  }
  if (answer.status === 404) return null;
  if (answer.status !== 200) throw unavailable(`it answered ${answer.status}`);
  if (answer.body === undefined) throw unavailable('the answer is not JSON');
  return answer.body;
}
