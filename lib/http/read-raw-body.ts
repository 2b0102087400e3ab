// Reads a request body as bytes, refusing (413) as soon as it grows past the limit so a
// hostile sender cannot make us buffer an unbounded body. Signatures are verified on
// exactly these bytes.
import { AppError } from '../errors.ts';

export function tooLarge(maxBytes: number): AppError {
  const size = maxBytes >= 1024 * 1024 ? `${Math.floor(maxBytes / (1024 * 1024))} MB` : `${Math.floor(maxBytes / 1024)} KiB`;
  return new AppError('PAYLOAD_TOO_LARGE', `The body is larger than ${size}.`);
}

export async function readRawBody(request: Request, maxBytes: number): Promise<Buffer> {
  const declaredLength = Number(request.headers.get('content-length') ?? '0');
  if (declaredLength > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return Buffer.alloc(0);

  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
