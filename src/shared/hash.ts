import { createHash } from 'node:crypto';

/** The SHA-256 of text or bytes, in hex: how snapshots, documents and guide files are fingerprinted. */
export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
