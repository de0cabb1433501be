import type { ParsedGuide } from './entry.js';

/**
 * What a guide document parsed to, kept between runs: the nightly check reads
 * the same guide night after night, and parsing it (or extracting a PDF's text)
 * costs more than the rest of a quiet night's work. An entry is used only for
 * the very same bytes read by the very same reader code.
 */
export interface GuideCache {
  get(file: string, sha256: string): ParsedGuide | null;
  put(file: string, sha256: string, parsed: ParsedGuide): void;
}

declare const __AES_GUIDE_READER__: string | undefined;

/**
 * A fingerprint of the code that reads guides, set when the CLI is bundled
 * (scripts/bundle.mjs hashes src/guide, src/facts, the PDF reader and the
 * lockfile): any change to how a guide is read invalidates every cached parse
 * with no version to remember to bump. Null elsewhere, which turns the cache off.
 */
export const GUIDE_READER: string | null = typeof __AES_GUIDE_READER__ === 'string' ? __AES_GUIDE_READER__ : null;
