import { describe, expect, it } from 'vitest';
import { onlineFormOf, isDemarchesPath } from '../../src/facts/form.js';
import { compact, frenchDateToIso, hyphenLoose, isoDate, normaliseForMatch, wordRegExp } from '../../src/facts/normalise.js';
import { canonicalUrl, findUrls, urlRole } from '../../src/facts/url.js';

describe('urlRole', () => {
  it.each([
    ['https://www.demarches-simplifiees.fr/commencer/aes-calvados', 'online-procedure'],
    ['demarches-simplifiees.fr/commencer/aes-calvados', 'online-procedure'],
    ['https://demarche.numerique.gouv.fr/commencer/aes-calvados', 'online-procedure'],
    ['http://127.0.0.5:8080/commencer/aes-calvados', 'online-procedure'],
    ['https://administration-etrangers-en-france.interieur.gouv.fr/particuliers/#/', 'online-procedure'],
    ['https://rdv-prefecture.interieur.gouv.fr/rdvpref/reservation/demarche/1234/cgu/', 'appointment'],
    ['https://www.calvados.gouv.fr/booking/create/12345', 'appointment'],
    ['https://www.calvados.gouv.fr/content/download/1/dossier-aes.PDF', 'form'],
    ['https://www.orne.gouv.fr/contenu/telechargement/9/9/file/liste.docx', 'form'],
    ['https://www.calvados.gouv.fr/content/download/12345/file', 'form'],
    ['https://www.demarches-simplifiees.fr/dossiers/12', 'page'],
    ['https://www.calvados.gouv.fr/Demarches/Sejour', 'page'],
    ['https://www.calvados.gouv.fr/dossier.pdf.html', 'page'],
    ['http://', 'page'],
  ])('%s is a %s link', (url, role) => {
    expect(urlRole(url)).toBe(role);
  });
});

describe('canonicalUrl', () => {
  it('ignores scheme, www., host case, a trailing slash and tracking parameters', () => {
    const same = [
      'https://www.calvados.gouv.fr/Demarches/AES',
      'http://calvados.gouv.fr/Demarches/AES/',
      'https://WWW.Calvados.gouv.fr/Demarches/AES//',
      'calvados.gouv.fr/Demarches/AES?utm_source=x&xtor=CS1&at_medium=mail&fbclid=1&gclid=2',
      ' https://calvados.gouv.fr/Demarches/AES#haut ',
    ];
    for (const url of same) expect(canonicalUrl(url), url).toBe('calvados.gouv.fr/Demarches/AES');
  });

  it('keeps the path case, real parameters, the port and a #! route', () => {
    expect(canonicalUrl('https://calvados.gouv.fr/demarches/aes')).not.toBe(canonicalUrl('https://calvados.gouv.fr/Demarches/AES'));
    expect(canonicalUrl('https://calvados.gouv.fr/index.php?id=12&utm_campaign=x')).toBe('calvados.gouv.fr/index.php?id=12');
    expect(canonicalUrl('http://127.0.0.5:8080/Demarches')).toBe('127.0.0.5:8080/Demarches');
    expect(canonicalUrl('https://calvados.gouv.fr/accueil.html#!/Particuliers/page/L1055')).toBe('calvados.gouv.fr/accueil.html#!/Particuliers/page/L1055');
    expect(canonicalUrl('https://calvados.gouv.fr/Contact')).not.toBe(canonicalUrl('https://calvados.gouv.fr/Contact?lang=en'));
  });

  it('makes the démarches-simplifiées hosts one, on any host or port', () => {
    expect(canonicalUrl('https://demarche.numerique.gouv.fr/commencer/aes-14')).toBe('demarches-simplifiees.fr/commencer/aes-14');
    expect(canonicalUrl('http://127.0.0.5:8080/commencer/aes-14')).toBe('demarches-simplifiees.fr/commencer/aes-14');
    expect(canonicalUrl('https://www.demarches-simplifiees.fr/commencer/aes-14/')).toBe('demarches-simplifiees.fr/commencer/aes-14');
    expect(canonicalUrl('https://www.demarches-simplifiees.fr/dossiers')).toBe('demarches-simplifiees.fr/dossiers');
  });

  it('gives back what it cannot read, trimmed', () => {
    expect(canonicalUrl(' http:// ')).toBe('http://');
  });
});

describe('findUrls', () => {
  it('finds absolute links without their closing punctuation or wrappers', () => {
    expect(findUrls('Voir <https://www.calvados.gouv.fr/AES>, puis [le formulaire](https://www.demarches-simplifiees.fr/commencer/aes-14). Ou https://x.fr/a?b=1;')).toEqual([
      'https://www.calvados.gouv.fr/AES',
      'https://www.demarches-simplifiees.fr/commencer/aes-14',
      'https://x.fr/a?b=1',
    ]);
  });

  it('finds bare links: www., any .gouv.fr host, and a host with a path', () => {
    expect(findUrls('Rendez-vous sur www.calvados.gouv.fr/aes.')).toEqual(['www.calvados.gouv.fr/aes']);
    expect(findUrls('Le site calvados.gouv.fr présente la démarche.')).toEqual(['calvados.gouv.fr']);
    expect(findUrls('Déposez sur demarches-simplifiees.fr/commencer/aes-14 !')).toEqual(['demarches-simplifiees.fr/commencer/aes-14']);
    expect(findUrls('Site : www.example.com')).toEqual(['www.example.com']);
    expect(findUrls('Port : www.calvados.gouv.fr:8443/aes')).toEqual(['www.calvados.gouv.fr:8443/aes']);
  });

  it('does not take a file name, an email or a bare domain without a path for a link', () => {
    expect(findUrls('Téléchargez liste-pieces.pdf ou écrivez à pref-sejour@calvados.gouv.fr.')).toEqual([]);
    expect(findUrls('voir example.com ou le site')).toEqual([]);
    expect(findUrls('Aucun lien ici.')).toEqual([]);
  });

  it('takes no part of a percent-encoded address for a bare link', () => {
    // A mailto link printed encoded: "%40" is the "@" of the email, not the start of a host.
    expect(findUrls('Écrire à mailto:pref-sejour%40calvados.gouv.fr')).toEqual([]);
    expect(findUrls('Voir pref%2Fsejour.calvados.gouv.fr')).toEqual([]);
  });

  it('finds a bare link once, not again inside an absolute one', () => {
    expect(findUrls('https://www.calvados.gouv.fr/aes et www.orne.gouv.fr')).toEqual(['https://www.calvados.gouv.fr/aes', 'www.orne.gouv.fr']);
  });
});

describe('onlineFormOf', () => {
  it('names a démarches-simplifiées form by its slug, decoded and in lower case, on either host', () => {
    expect(onlineFormOf('https://www.demarches-simplifiees.fr/commencer/AES-Calvados%20bis')).toEqual({
      service: 'demarches-simplifiees',
      id: 'demarches-simplifiees:aes-calvados bis',
      slug: 'AES-Calvados%20bis',
    });
    expect(onlineFormOf('https://demarche.numerique.gouv.fr/commencer/aes-calvados/')?.id).toBe('demarches-simplifiees:aes-calvados');
    expect(onlineFormOf('https://demarche.numerique.gouv.fr/index.php/commencer/aes-calvados')?.id).toBe('demarches-simplifiees:aes-calvados');
  });

  it('names a booking module form by host and number', () => {
    expect(onlineFormOf('https://www.Calvados.gouv.fr/booking/create/12345/1')).toEqual({ service: 'booking', id: 'booking:calvados.gouv.fr:12345', host: 'calvados.gouv.fr', number: '12345' });
    expect(onlineFormOf('https://www.calvados.gouv.fr/index.php/booking/create/7')?.id).toBe('booking:calvados.gouv.fr:7');
  });

  it('is null for anything else', () => {
    for (const url of ['https://www.demarches-simplifiees.fr/commencer/', 'https://www.demarches-simplifiees.fr/commencer/a/b', 'https://x.fr/booking/create/abc', 'https://x.fr/old/booking/create/12', 'https://x.fr/old/commencer/aes', 'pas une url']) {
      expect(onlineFormOf(url), url).toBeNull();
    }
  });

  it('tells a form path from any other', () => {
    expect(isDemarchesPath('/commencer/aes-14')).toBe(true);
    expect(isDemarchesPath('/commencer/aes-14/')).toBe(true);
    expect(isDemarchesPath('/dossiers/aes-14')).toBe(false);
  });
});

describe('text forms for matching', () => {
  it('normaliseForMatch folds presentation only', () => {
    expect(normaliseForMatch('  Préfecture\u00a0du\u202fCalvados — l’accueil ‐ Bureau\u00ad des Étrangers \n ')).toBe("prefecture du calvados - l'accueil - bureau des etrangers");
    expect(normaliseForMatch('pref-etran-\n  gers@calvados.gouv.fr')).toBe('pref-etran-gers@calvados.gouv.fr');
    expect(normaliseForMatch('ﬁn')).toBe('fin');
  });

  it('hyphenLoose drops hyphens between letters only', () => {
    expect(hyphenLoose('pref-etran-gers')).toBe('prefetrangers');
    expect(hyphenLoose('CS 50-529')).toBe('cs 50-529');
  });

  it('compact keeps letters and digits only', () => {
    expect(compact('39, Rue Saint-Blaise')).toBe(compact('39 rue saint blaise'));
    expect(compact('39, Rue Saint-Blaise')).toBe('39ruesaintblaise');
  });

  it('frenchDateToIso reads real calendar dates only', () => {
    expect(frenchDateToIso('25/10/2022')).toBe('2022-10-25');
    expect(frenchDateToIso(' 1.2.2024 ')).toBe('2024-02-01');
    expect(frenchDateToIso('29-02-2024')).toBe('2024-02-29');
    for (const bad of ['29/02/2023', '31/04/2024', '0/1/2024', '1/13/2024', '1/0/2024', '1/1/1989', '1/1/2101', '25/10/22', 'le 25/10/2022']) expect(frenchDateToIso(bad), bad).toBeNull();
    expect(isoDate(1990, 1, 1)).toBe('1990-01-01');
    expect(isoDate(2100, 12, 31)).toBe('2100-12-31');
  });

  it('wordRegExp treats accented letters as part of words', () => {
    const re = wordRegExp(String.raw`\bpr[ée]fecture\b`);
    expect(re.test('la préfecture de Caen')).toBe(true);
    expect(re.test('sous-préfectureé')).toBe(false);
    expect(re.test('épréfecture')).toBe(false);
    expect(wordRegExp(String.raw`(?:\bcourrier\b|\bposte\b)`).test('par la poste.')).toBe(true);
    expect(wordRegExp(String.raw`\bposte\b`, 'i').flags).toContain('u');
    expect(wordRegExp(String.raw`\bposte\b`, 'i').test('POSTE')).toBe(true);
  });
});
