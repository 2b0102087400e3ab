// Reads the request body as UTF-8 JSON. Invalid UTF-8 is refused rather than replaced
// with U+FFFD: a silently altered payload would hash differently from what was sent.
import { AppError } from '../../errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeJsonBody(rawBody: Uint8Array): { text: string; value: unknown } {
  let text: string;
  try {
    text = utf8.decode(rawBody);
  } catch {
    throw badRequest('The body is not valid UTF-8.');
  }
  if (text.trim() === '') throw badRequest('The body is empty; send JSON.');
  try {
    return { text, value: JSON.parse(text) as unknown };
  } catch (error) {
    // SyntaxError names the position; anything else (e.g. a RangeError) gets a generic message.
    const detail = error instanceof SyntaxError ? `: ${error.message}` : '.';
    throw badRequest(`The body is not valid JSON${detail}`);
  }
}

function badRequest(message: string): AppError {
  return new AppError('BAD_REQUEST', message, { details: { pointer: '' } });
}
