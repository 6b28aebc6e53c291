import type { DashboardStrings } from '../types.js';
import { inSentence, listOf } from './words.js';

const strings: DashboardStrings = {
  $dir: 'ltr',
  title: 'Panel de encuestas',
  signInHeading: 'Acceso del personal',
  tokenLabel: 'Clave del personal',
  tokenHelp: 'La clave del personal del colector. Se cambia por una cookie de sesión y no se guarda en esta página.',
  signIn: 'Entrar',
  wrongToken: 'Esa no es la clave del personal.',
  signOut: 'Salir',
  signedOut: 'Ha cerrado la sesión.',
  sessionEnded: 'Su sesión ha terminado. Vuelva a entrar.',
  unreachable: 'No se pudo contactar con el colector. Inténtelo de nuevo en un momento.',
  loading: 'Cargando…',
  language: 'Idioma',
  survey: 'Encuesta',
  noSurveys: 'Este colector no tiene configuraciones de encuestas.',
  filters: 'Filtros',
  unit: 'Desglosar por',
  week: 'Semana',
  month: 'Mes',
  from: 'Desde',
  to: 'Hasta',
  version: 'Versión',
  locale: 'Idioma de las respuestas',
  all: 'Todos',
  show: 'Mostrar',
  downloads: 'Descargar las respuestas',
  downloadCsv: 'CSV (hojas de cálculo)',
  downloadJson: 'JSON Lines',
  report: 'Informe mensual',
  reportMonth: 'Mes',
  openReport: 'Abrir el informe',
  closeReport: 'Volver al panel',
  print: 'Imprimir',
  headlineMultiple: (month, [first, ...rest], n) =>
    `En ${month}, el ${first!.percent} de las respuestas incluyó ${inSentence(first!.label, 'es')}` +
    (rest.length ? ` y el ${listOf(rest.map((item) => `${item.percent} ${inSentence(item.label, 'es')}`), 'es')}` : '') +
    ` (n = ${n}).`,
  headlineSingle: (question, answer, percent, n) => `A «${question}», el ${percent} respondió «${answer}» (n = ${n}).`,
  headlineRating: (question, median, max, n) => `La respuesta mediana a «${question}» fue ${median} de ${max} (n = ${n}).`,
  headlineTooFew: (month, k) => `En ${month} hubo menos de ${k} respuestas, así que no se muestran cifras.`,
};

export default strings;
