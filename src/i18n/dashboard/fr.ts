import type { DashboardStrings } from '../types.js';
import { inSentence, listOf } from './words.js';

const strings: DashboardStrings = {
  $dir: 'ltr',
  title: 'Tableau de bord des enquêtes',
  signInHeading: 'Connexion du personnel',
  tokenLabel: 'Jeton du personnel',
  tokenHelp: 'Le jeton du personnel du collecteur. Il est échangé contre un cookie de session et n’est pas gardé dans cette page.',
  signIn: 'Se connecter',
  wrongToken: 'Ce n’est pas le jeton du personnel.',
  signOut: 'Se déconnecter',
  signedOut: 'Vous êtes déconnecté·e.',
  sessionEnded: 'Votre session a pris fin. Reconnectez-vous.',
  unreachable: 'Le collecteur est injoignable. Réessayez dans un instant.',
  loading: 'Chargement…',
  language: 'Langue',
  survey: 'Enquête',
  noSurveys: 'Ce collecteur n’a aucune configuration d’enquête.',
  filters: 'Filtres',
  unit: 'Détailler par',
  week: 'Semaine',
  month: 'Mois',
  from: 'Du',
  to: 'Au',
  version: 'Version',
  locale: 'Langue des réponses',
  all: 'Toutes',
  show: 'Afficher',
  downloads: 'Télécharger les réponses',
  downloadCsv: 'CSV (tableurs)',
  downloadJson: 'JSON Lines',
  report: 'Rapport mensuel',
  reportMonth: 'Mois',
  openReport: 'Ouvrir le rapport',
  closeReport: 'Retour au tableau de bord',
  print: 'Imprimer',
  headlineMultiple: (month, [first, ...rest], n) =>
    `En ${month}, ${first!.percent} des réponses mentionnaient ${inSentence(first!.label, 'fr')}` +
    (rest.length ? ` et ${listOf(rest.map((item) => `${item.percent} ${inSentence(item.label, 'fr')}`), 'fr')}` : '') +
    ` (n = ${n}).`,
  headlineSingle: (question, answer, percent, n) => `À « ${question} », ${percent} ont répondu « ${answer} » (n = ${n}).`,
  headlineRating: (question, median, max, n) => `La réponse médiane à « ${question} » était ${median} sur ${max} (n = ${n}).`,
  headlineTooFew: (month, k) => `En ${month}, il y a eu moins de ${k} réponses : aucun chiffre n’est affiché.`,
};

export default strings;
