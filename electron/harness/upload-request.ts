import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';

/**
 * What the harness's upload routes (upload.ts, folder-upload.ts) do alike with a request that
 * carries a file's bytes.
 */

/**
 * A POST of application/octet-stream. Not a form's content type: a cross-site fetch of this one
 * needs a preflight, never answered.
 */
export function isOctetStreamPost(req: IncomingMessage): boolean {
  const contentType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return req.method === 'POST' && contentType === 'application/octet-stream';
}

/**
 * The request's bytes as a stream that fails if the client goes away before it is done. Not
 * pipeline(req, …): a failed store would destroy the request, and with it the socket the answer
 * has to go back on.
 */
export function requestBody(req: IncomingMessage): PassThrough {
  const body = new PassThrough();
  req.pipe(body);
  req.once('error', (error) => body.destroy(error));
  req.once('close', () => {
    if (!req.complete) body.destroy(new Error('upload aborted'));
  });
  return body;
}

/**
 * Reads and drops what the client is still sending, so that it finishes sending and reads the
 * answer (a socket closed on unread data is reset, and the answer lost with it). Up to `budget`
 * bytes: a file somewhat over the limit gets its answer; an endless stream gets cut off.
 */
export function discardRest(req: IncomingMessage, budget: number): void {
  req.unpipe();
  // The client may hang up while its rest is thrown away: that is expected, not an error to raise.
  req.on('error', () => undefined);
  req.socket.on('error', () => undefined);
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > budget) req.destroy();
  });
  req.resume();
}
