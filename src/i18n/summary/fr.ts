import type { SummaryStrings } from '../types.js';

const strings: SummaryStrings = {
  $dir: 'ltr',
  caption: 'Types de soutien reçus',
  responses: (total) => `Réponses : ${total}`,
  answered: (answered) => `Ont répondu à cette question : ${answered}`,
  answeredHeading: 'Ont répondu à cette question',
  answer: 'Réponse',
  count: 'Nombre',
  share: 'Part',
  fewerThan: (k) => `moins de ${k}`,
  suppressedNote: (k) =>
    `Pour protéger la vie privée, les effectifs inférieurs à ${k} sont affichés « <${k} » et leur part est masquée.`,
  chartLabel: (caption, items) => `Diagramme en barres, ${caption} : ${items}.`,
  showTable: 'Afficher sous forme de tableau',
  hideTable: 'Masquer le tableau',
  loading: 'Chargement du résumé…',
  error: 'Le résumé n’a pas pu être chargé.',
  empty: 'Pas encore de réponses.',
};

export default strings;
