/** Reads a response body without ever holding more than the cap in memory. */

export type BodyRead =
  | { kind: 'complete'; bytes: Buffer }
  | { kind: 'too-large' }
  /** The transfer broke off (reset, early close, bad encoding) after `receivedBytes`. */
  | { kind: 'broken'; receivedBytes: number; error: unknown };

/** `progress` is told the bytes received so far, so a timeout can say how far the body got. */
export async function readCappedBody(body: ReadableStream<Uint8Array> | null, maxBytes: number, progress?: (bytes: number) => void): Promise<BodyRead> {
  if (body === null) return { kind: 'complete', bytes: Buffer.alloc(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      return { kind: 'broken', receivedBytes: total, error };
    }
    const { done, value } = chunk;
    if (done) break;
    total += value.byteLength;
    progress?.(total);
    if (total > maxBytes) {
      // Stop the transfer now rather than download (or inflate) the rest to throw it away.
      await reader.cancel().catch(() => undefined);
      return { kind: 'too-large' };
    }
    chunks.push(value);
  }
  return { kind: 'complete', bytes: Buffer.concat(chunks, total) };
}

/** Reads and drops a small body (redirects, error pages) so the connection can be reused. */
export async function discardBody(body: ReadableStream<Uint8Array> | null): Promise<void> {
  await readCappedBody(body, 64 * 1024).catch(() => undefined);
}
