import type { SummaryStrings } from '../types.js';

const strings: SummaryStrings = {
  $dir: 'ltr',
  caption: 'Tipos de apoyo recibidos',
  responses: (total) => `Respuestas: ${total}`,
  answered: (answered) => `Respondieron esta pregunta: ${answered}`,
  answeredHeading: 'Respondieron esta pregunta',
  answer: 'Respuesta',
  count: 'Número',
  share: 'Porcentaje',
  fewerThan: (k) => `menos de ${k}`,
  suppressedNote: (k) =>
    `Para proteger la privacidad, los recuentos menores de ${k} se muestran como «<${k}» y se oculta su porcentaje.`,
  chartLabel: (caption, items) => `Gráfico de barras, ${caption}: ${items}.`,
  showTable: 'Ver como tabla',
  hideTable: 'Ocultar la tabla',
  loading: 'Cargando el resumen…',
  error: 'No se pudo cargar el resumen.',
  empty: 'Todavía no hay respuestas.',
};

export default strings;
