import type { SummaryStrings } from '../types.js';

const strings: SummaryStrings = {
  $dir: 'ltr',
  caption: 'Résumé de l’enquête',
  responses: (total) => `Réponses : ${total}`,
  answered: (answered) => `Ont répondu à cette question : ${answered}`,
  answeredHeading: 'Ont répondu à cette question',
  answer: 'Réponse',
  count: 'Nombre',
  share: 'Part',
  fewerThan: (k) => `moins de ${k}`,
  suppressedNote: (k, rounding) =>
    `Pour protéger la vie privée, les effectifs inférieurs à ${k} s’affichent « <${k} » sans part, ` +
    (rounding > 1 ? `les autres sont arrondis à un multiple de ${rounding}, ` : '') +
    'et seules les périodes entières et terminées sont détaillées.',
  chartLabel: (caption, items) => `Diagramme en barres, ${caption} : ${items}.`,
  showTable: 'Afficher sous forme de tableaux',
  hideTable: 'Masquer les tableaux',
  loading: 'Chargement du résumé…',
  error: 'Le résumé n’a pas pu être chargé.',
  malformed: (fields) => `Ce résumé ne peut pas être affiché. Manquant ou incorrect : ${fields.join(', ')}.`,
  empty: 'Pas encore de réponses.',
  median: (value) => `Médiane : ${value}`,
  scale: (low, high) => `Échelle : de ${low} à ${high}`,
  seriesCaption: (unit) => (unit === 'week' ? 'Réponses par semaine' : 'Réponses par mois'),
  period: 'Période',
  weekOf: (day) => `Semaine du ${day}`,
  covers: (range) => `Période couverte : ${range}.`,
  openPeriod: (unit, total, k) =>
    `${unit === 'week' ? 'Cette semaine' : 'Ce mois-ci'} jusqu’ici : ${total === null ? `moins de ${k}` : `environ ${total}`} réponses, détaillées une fois la période terminée.`,
  noClosedPeriod: (unit) => (unit === 'week' ? 'Aucune semaine entière n’est encore terminée.' : 'Aucun mois entier n’est encore terminé.'),
};

export default strings;
