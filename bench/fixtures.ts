/** Generated pages and guides for the benchmarks: the same shapes the tests use, at volume. */

/** Every département code a guide can use: 01–95 (no 20), Corsica's 2A/2B, overseas 971–976. */
export const DEPARTMENT_CODES = [
  ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((c) => c !== '20'),
  '2A',
  '2B',
  '971',
  '972',
  '973',
  '974',
  '976',
];

export function benchPage(n: number): string {
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>AES ${n}</title></head><body>
<header class="fr-header"><nav><a href="/">Accueil</a></nav></header>
<main id="main"><h1>Admission exceptionnelle au séjour</h1><p>Mis à jour le 14/01/2023</p>
<p>Votre demande doit être envoyée uniquement par courrier à l'adresse suivante :</p>
<p>Préfecture de Benchville<br>Bureau du séjour<br>${n} rue des Essais<br>14038 BENCHVILLE CEDEX 08</p>
<p>Pour toute question : pref-sejour-${n}@bench.gouv.fr. Joignez la copie de votre passeport et un justificatif de domicile récent, ainsi que les preuves de votre présence en France.</p>
</main><footer class="fr-footer">© 2025</footer></body></html>`;
}

export interface BenchSection {
  code: string;
  name: string;
  url: string;
  page: number;
}

/** A guide in the GISTI series format with one section per département of `sections`. */
export function benchGuide(region: string, sections: BenchSection[]): string {
  const header = "gisti, groupe d'information et de soutien des immigré·e·s";
  return sections
    .map(
      (s) => `${header}

Région ${region}
Département de ${s.name} (${s.code})
Préfecture Benchville
Sous-préfectures : Aval, Amont

Dernière mise à jour : 22/02/2023

La demande d'admission exceptionnelle se fait par voie postale.

Les modalités sont consultables ici : <${s.url}>

Les modalités sont reproduites ici :

Votre demande doit être envoyée uniquement par courrier à l'adresse suivante :

Préfecture de Benchville

Bureau du séjour

${s.page} rue des Essais

14038 BENCHVILLE CEDEX 08

Pour toute question : pref-sejour-${s.page}@bench.gouv.fr

Sous-préfectures

Elles ne traitent pas les demandes d'AES.
`,
    )
    .join('\n');
}

/** `count` sections (at most 100 per guide: one per département code), named after `prefix`. */
export function benchSections(prefix: string, count: number, url: (i: number) => string, page: (i: number) => number): BenchSection[] {
  return DEPARTMENT_CODES.slice(0, count).map((code, i) => ({ code, name: `${prefix}${code}`, url: url(i), page: page(i) }));
}
