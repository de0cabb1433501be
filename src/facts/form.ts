/**
 * Online forms, recognised by the shape of their path on any host:
 * démarches-simplifiées `/commencer/<slug>` (also served, with the same slugs,
 * as demarche.numerique.gouv.fr: one service, so the slug alone names the form)
 * and the prefectures' booking modules `/booking/create/<n>`.
 */
export type OnlineForm =
  | { service: 'demarches-simplifiees'; id: string; slug: string }
  | { service: 'booking'; id: string; host: string; number: string };

const DEMARCHES = /^\/commencer\/([^/?#]+)\/?$/i;
const BOOKING = /^\/booking\/create\/(\d+)(?:\/|$)/i;

export function onlineFormOf(url: string): OnlineForm | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const path = parsed.pathname.replace(/^\/index\.php(?=\/)/i, '');
  const slug = DEMARCHES.exec(path)?.[1];
  if (slug) return { service: 'demarches-simplifiees', id: `demarches-simplifiees:${decodeURIComponent(slug).toLowerCase()}`, slug };
  const number = BOOKING.exec(path)?.[1];
  if (number) {
    const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
    return { service: 'booking', id: `booking:${host}:${number}`, host, number };
  }
  return null;
}

/** Whether `path` is a démarches-simplifiées form path, whatever the host. */
export const isDemarchesPath = (path: string): boolean => DEMARCHES.test(path);
