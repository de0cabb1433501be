/**
 * Fixture pages in the four shapes real prefecture pages come in: the current
 * DSFR CMS, the old eZ Publish "IDE" CMS, its print layout, and the booking
 * module. The structure is real; the content (streets, emails, slugs, ids) is
 * invented. `token` stands for what differs on every fetch (image cache
 * tokens, CSRF tokens, asset versions).
 */
export interface RealPageOptions {
  token: string;
}

/** The text of the Oise page that an edit can bend: the channel sentence, the CEDEX, the email. */
export interface OiseVariant {
  filing?: string;
  cedex?: string;
  email?: string;
}

export const OISE_FILING = "Votre demande d'admission exceptionnelle au séjour doit être envoyée par courrier à l'adresse suivante :";

/** Current DSFR CMS, postal, with images whose cache token rotates and the four false-channel phrasings. */
export function dsfrPostalPage({ token }: RealPageOptions, v: OiseVariant = {}): string {
  return `<!DOCTYPE html>
<html lang="fr" dir="ltr" data-fr-scheme="system">
<head><meta charset="utf-8"><title>Admission exceptionnelle au séjour - Démarches - Les services de l'État dans l'Oise</title>
<link rel="stylesheet" href="/bundles/dsfr/dsfr.min.css?v=${token}"></head>
<body>
<div class="fr-skiplinks"><nav class="fr-container" role="navigation" aria-label="Accès rapide"><a class="fr-link" href="#main">Contenu</a></nav></div>
<header role="banner" class="fr-header"><div class="fr-header__service"><p class="fr-header__service-title">Les services de l'État dans l'Oise</p></div></header>
<main id="main" role="main" tabindex="-1"><div class="fr-container">
<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :"><ol class="fr-breadcrumb__list"><li><a class="fr-breadcrumb__link" href="/">Accueil</a></li><li><a class="fr-breadcrumb__link" href="/Demarches">Démarches</a></li></ol></nav>
<div class="fr-grid-row"><div class="fr-col-12 fr-col-md-8">
<p class="fr-tag fr-tag--sm">Étrangers dans l'Oise</p>
<h1 class="fr-h1">Admission exceptionnelle au séjour</h1>
<p class="fr-text--sm">Mis à jour le 12/01/2023</p>
<figure class="fr-content-media" role="group" aria-label="© Préfecture de l'Oise">
<img class="fr-responsive-img" src="/var/oise/storage/images/_aliases/reference/media/images/guichet-etrangers/48210-1-fre-FR/guichet-etrangers.jpg?v=${token}" srcset="/var/oise/storage/images/_aliases/large/media/images/guichet-etrangers/48210-1-fre-FR/guichet-etrangers.jpg?v=${token} 2x" alt="Le hall d'accueil des étrangers">
</figure>
<h2><span class="fr-icon-mail-line" aria-hidden="true"></span> Comment déposer votre demande</h2>
<p>${v.filing ?? OISE_FILING}</p>
<p>Préfecture de l'Oise<br>Bureau de l'admission au séjour<br>14 rue du Pont-Levis<br>${v.cedex ?? '60021 BEAUVAIS CEDEX 2'}</p>
<p>Remplissez le formulaire en ligne avant de l'imprimer, de le signer et de le joindre à votre dossier :</p>
<div class="fr-downloads-group"><ul><li><a class="fr-link fr-link--download" href="/contenu/telechargement/45012/298877/file/formulaire-aes.pdf">Formulaire de demande d'admission exceptionnelle <span class="fr-link__detail">PDF - 210,4 Ko - 05/12/2022</span><img src="/bundles/dsfr/icons/document/file-pdf.svg?v=${token}" alt=""></a></li></ul></div>
<p>Après examen de votre dossier, la convocation vous est envoyée par email.</p>
<p>Pour la remise de votre titre, prenez rendez-vous en ligne. Des rendez-vous sont mis en ligne chaque lundi à 9 heures.</p>
<p><a href="https://www.service-public.fr/particuliers/vosdroits/F2208"><img src="/var/oise/storage/images/bandeaux/service-public.png?v=${token}" alt="La fiche service-public.fr sur le titre de séjour"></a></p>
<p>Pour toute question : <a href="mailto:${v.email ?? 'pref-sejour-aes@oise.gouv.fr'}">${v.email ?? 'pref-sejour-aes@oise.gouv.fr'}</a><span class="fr-sr-only"> (ouvre votre messagerie)</span></p>
<div class="fr-share"><p class="fr-share__title">Partager la page</p><a class="fr-share__link" href="https://www.facebook.com/sharer.php?u=x&amp;v=${token}">Facebook</a></div>
</div></div>
</div></main>
<footer class="fr-footer" role="contentinfo"><p>© 2025 Les services de l'État dans l'Oise</p></footer>
</body></html>`;
}

/** Old eZ Publish "IDE" CMS, appointment, with every kind of clutter the old templates print. */
export function ezPublishAppointmentPage({ token }: RealPageOptions): string {
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr-FR" lang="fr-FR">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>Admission exceptionnelle au séjour : dépôt des demandes / Étrangers / Démarches administratives / Accueil - Les services de l'État dans l'Eure</title>
<script type="text/javascript">var ezsid = "${token}";</script></head>
<body>
<div id="global">
  <div id="entete"><a href="/"><img src="/extension/ide/design/ide/images/logo-prefet-eure.png" alt="Préfet de l'Eure" /></a></div>
  <div id="menu"><ul><li><a href="/Actualites">Actualités</a></li><li class="selected"><a href="/Demarches-administratives">Démarches administratives</a></li></ul></div>
  <div id="contenu">
    <h2 class="invisible">Contenu</h2>
    <div id="sous_menu">
      <h2 class="invisible">Sous menu de navigation</h2>
      <ul><li><a href="/Demarches-administratives/Etrangers/Premiere-demande">Première demande</a></li><li><a href="/Demarches-administratives/Etrangers/Renouvellement">Renouvellement</a></li></ul>
    </div>
    <div class="content-view-full"><div class="class-article">
      <div class="rubrique">Actualités</div>
      <div class="attribute-header"><h1>Admission exceptionnelle au séjour : dépôt des demandes</h1></div>
      <div class="date">Mise à jour le 09/01/2023</div>
      <div hidden="hidden">Chargement du module de rendez-vous…</div>
      <div class="attribute-body">
        <p><span class="picto-calendrier" aria-hidden="true">Agenda</span>Le dépôt des demandes d'admission exceptionnelle au séjour se fait uniquement sur rendez-vous, au guichet des étrangers de la préfecture à Évreux.</p>
        <p>Prenez rendez-vous en ligne pour déposer votre dossier : <a href="https://www.rdv.eure.gouv.fr/booking/create/31874/0">module de prise de rendez-vous</a>. Des rendez-vous sont mis en ligne chaque lundi à 9 heures.</p>
        <p>Remplissez le formulaire en ligne avant de l'imprimer et apportez-le le jour du rendez-vous avec les pièces justificatives.</p>
        <p>Si votre dossier est complet, la convocation vous est envoyée par email pour la remise du titre.</p>
        <p>Adresse du guichet : Préfecture de l'Eure, Hall des étrangers, 5 boulevard Georges-Chauvin, 27022 ÉVREUX CEDEX.</p>
        <p>Renseignements : <a href="mailto:pref-etrangers-rdv@eure.gouv.fr">pref-etrangers-rdv@eure.gouv.fr</a></p>
      </div>
      <div class="boite-outils"><p class="titre-boite">Outils</p><ul><li><a href="/layout/set/print/Demarches-administratives/Etrangers/AES">Imprimer</a></li><li><a href="/content/tipafriend/7781">Envoyer à un ami</a></li></ul></div>
      <div class="bloc-partage"><p>Partager</p><a href="https://twitter.com/intent/tweet?url=x&amp;xtor=${token}">Twitter</a></div>
    </div></div>
  </div>
  <div id="pied"><p>© 2023 Préfecture de l'Eure</p></div>
</div>
</body></html>`;
}

/** The slug an edit of the Somme print page can change. */
export const SOMME_SLUG = 'aes-somme';

/** eZ Publish print layout (`/layout/set/print/…`), online, links printed without their scheme. */
export function printOnlinePage({ token }: RealPageOptions, slug = SOMME_SLUG): string {
  return `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Admission exceptionnelle au séjour - Les services de l'État dans la Somme</title>
<link rel="stylesheet" type="text/css" href="/extension/ide/design/ide/stylesheets/print.css?v=${token}" media="all" /></head>
<body onload="window.print()">
<div id="print-header"><img src="/extension/ide/design/ide/images/logo-print.png?v=${token}" alt="Préfet de la Somme" /></div>
<div class="content-view-full"><div class="class-article">
  <div class="attribute-header"><h1>Admission exceptionnelle au séjour</h1></div>
  <div class="date">Mise à jour le 16/01/2023</div>
  <div class="attribute-body">
    <p>Depuis le 1er janvier 2023, votre demande d'admission exceptionnelle au séjour se dépose uniquement en ligne, sur la plateforme démarches simplifiées :</p>
    <p>www.demarches-simplifiees.fr/commencer/${slug}</p>
    <p>Pour le formulaire Cerfa, remplissez le formulaire en ligne avant de l'imprimer, de le signer et de le numériser.</p>
    <p>La convocation vous est envoyée par email. Pour la remise de votre titre, prenez rendez-vous en ligne : des rendez-vous sont mis en ligne chaque lundi.</p>
    <p>Le renouvellement d'un titre se demande sur demarche.numerique.gouv.fr/commencer/titre-sejour-somme et le droit de timbre s'achète sur timbres.impots.gouv.fr.</p>
    <p>Questions fréquentes : www.somme.gouv.fr/Demarches-administratives/Etrangers/AES-questions-frequentes</p>
    <p>Contact : pref-aes@somme.gouv.fr</p>
  </div>
</div></div>
<div id="print-footer">© 2023 Préfecture de la Somme - www.somme.gouv.fr</div>
</body></html>`;
}

/** The prefecture booking module (`/booking/create/<id>/0`): no h1, a step list and a consent form. */
export function bookingPage({ token }: RealPageOptions): string {
  return `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Admission exceptionnelle au séjour - Les services de l'État dans l'Aisne</title>
<link rel="stylesheet" href="/bundles/booking/css/booking.css?v=${token}"><script src="/bundles/booking/js/booking.js?v=${token}"></script></head>
<body>
<div id="container">
  <div id="header"><a href="https://www.aisne.gouv.fr"><img src="/bundles/booking/images/marianne.png?v=${token}" alt="Préfet de l'Aisne"></a><p class="site-name">Les services de l'État dans l'Aisne</p></div>
  <div id="content"><div id="inner_content">
    <ul class="steps">
      <li class="step active">1. Motif</li><li class="step">2. Guichet</li><li class="step">3. Date et heure</li><li class="step">4. Coordonnées</li><li class="step">5. Confirmation</li>
    </ul>
    <div class="intro">
      <h2>Admission exceptionnelle au séjour</h2>
      <p>Ce module de réservation vous permet de prendre rendez-vous pour déposer votre demande d'admission exceptionnelle au séjour à la préfecture de l'Aisne, 2 rue Paul-Doumer, 02011 LAON CEDEX.</p>
      <p>Le jour du rendez-vous, présentez-vous au guichet des étrangers avec votre dossier complet et les originaux de vos pièces justificatives. Un seul rendez-vous par personne.</p>
      <p>Des rendez-vous sont mis en ligne chaque vendredi à 14 heures. La convocation vous est envoyée par email après la réservation.</p>
    </div>
    <form name="create" id="FormBookingCreate" method="post" action="/booking/create/28501/0">
      <input type="hidden" name="_csrf" value="${token}">
      <p>Veuillez cocher la case pour accepter les conditions d'utilisation avant de continuer le processus de prise de rendez-vous.</p>
      <p><input type="checkbox" name="condition" id="condition" value="on"> <label for="condition">J'accepte les conditions d'utilisation du module de réservation.</label></p>
      <input type="submit" name="nextButton" class="Bbutton" value="Effectuer une demande de rendez-vous">
    </form>
  </div></div>
  <div id="footer"><a href="/booking/cgu">Conditions d'utilisation</a></div>
</div>
</body></html>`;
}
