/** Successor discovery: where a dead guide link's procedure lives now. What other stages use. */
export { Successor, SuccessorVia, Discovery, NoSuccessorReason, NoSuccessorCode, MAX_SUCCESSORS, MIN_SUCCESSOR_SCORE, CONFIDENT_SCORE } from './successor.js';
export { readDiscoveryCache, CACHE_FILE, CACHE_MAX_AGE_MS, type DiscoveryCache } from './cache.js';
export { discoverEntry, type DiscoverDeps, type DiscoverRequest } from './discover-entry.js';
export { searchStartFor, profileFor } from './trigger.js';
export type { SearchStart } from './search.js';
export type { RankProfile } from './score.js';
