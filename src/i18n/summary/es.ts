import type { SummaryStrings } from '../types.js';

const strings: SummaryStrings = {
  $dir: 'ltr',
  caption: 'Resumen de la encuesta',
  responses: (total) => `Respuestas: ${total}`,
  answered: (answered) => `Respondieron esta pregunta: ${answered}`,
  answeredHeading: 'Respondieron esta pregunta',
  answer: 'Respuesta',
  count: 'Número',
  share: 'Porcentaje',
  fewerThan: (k) => `menos de ${k}`,
  suppressedNote: (k, rounding) =>
    `Para proteger la privacidad, los recuentos menores de ${k} se muestran como «<${k}» sin porcentaje, ` +
    (rounding > 1 ? `los demás se redondean a un múltiplo de ${rounding}, ` : '') +
    'y solo se detallan los periodos completos ya terminados.',
  chartLabel: (caption, items) => `Gráfico de barras, ${caption}: ${items}.`,
  showTable: 'Ver como tablas',
  hideTable: 'Ocultar las tablas',
  loading: 'Cargando el resumen…',
  error: 'No se pudo cargar el resumen.',
  malformed: (fields) => `Este resumen no se puede mostrar. Falta o es incorrecto: ${fields.join(', ')}.`,
  empty: 'Todavía no hay respuestas.',
  median: (value) => `Mediana: ${value}`,
  scale: (low, high) => `Escala: de ${low} a ${high}`,
  seriesCaption: (unit) => (unit === 'week' ? 'Respuestas por semana' : 'Respuestas por mes'),
  period: 'Periodo',
  weekOf: (day) => `Semana del ${day}`,
  covers: (range) => `Abarca ${range}.`,
  openPeriod: (unit, total, k) =>
    `${unit === 'week' ? 'Esta semana' : 'Este mes'} hasta ahora: ${total === null ? `menos de ${k}` : `unas ${total}`} respuestas; se detallarán cuando termine.`,
  noClosedPeriod: (unit) => (unit === 'week' ? 'Todavía no ha terminado ninguna semana completa.' : 'Todavía no ha terminado ningún mes completo.'),
};

export default strings;
