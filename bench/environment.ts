/**
 * The environment every measured process runs in.
 *
 * With NODE_EXTRA_CA_CERTS set, Node 20 reads and parses that whole certificate
 * bundle when the process starts, before any line of aes-watch runs: 80 ms per
 * process on this machine, whose sandbox sets it (GitHub's runners do not;
 * Node 24 starts in 40 ms with it set, measured here). The bench's pages are
 * plain HTTP on loopback, so the variable changes nothing but that start-up;
 * it is left out of the measured runs, and `CLI start-up` prints its cost.
 */
export const EXTRA_CA_CERTS = process.env.NODE_EXTRA_CA_CERTS;

export function measuredEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _left, ...rest } = env;
  return rest;
}
