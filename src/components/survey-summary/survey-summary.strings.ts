/**
 * UI strings of `<survey-summary>` in en, es, fr, ar. Data (values, labels) comes from the summary
 * and the `labels` property; these are only the words around it.
 */
export interface SummaryStrings {
  $dir: 'ltr' | 'rtl';
  /** Default caption of the chart. */
  caption: string;
  responses: (total: string) => string;
  answered: (answered: string) => string;
  /** Row heading of the table's footer (responses that answered the charted question). */
  answeredHeading: string;
  answer: string;
  count: string;
  share: string;
  /** Read by screen readers instead of "<11". */
  fewerThan: (k: number) => string;
  suppressedNote: (k: number) => string;
  chartLabel: (caption: string, items: string) => string;
  showTable: string;
  hideTable: string;
  loading: string;
  error: string;
  empty: string;
}

const en: SummaryStrings = {
  $dir: 'ltr',
  caption: 'Kinds of support received',
  responses: (total) => `Responses: ${total}`,
  answered: (answered) => `Answered this question: ${answered}`,
  answeredHeading: 'Answered this question',
  answer: 'Answer',
  count: 'Count',
  share: 'Share',
  fewerThan: (k) => `fewer than ${k}`,
  suppressedNote: (k) => `To protect privacy, counts under ${k} are shown as “<${k}” and their share is hidden.`,
  chartLabel: (caption, items) => `Bar chart, ${caption}: ${items}.`,
  showTable: 'Show as a table',
  hideTable: 'Hide the table',
  loading: 'Loading the summary…',
  error: 'The summary could not be loaded.',
  empty: 'No answers yet.',
};

const es: SummaryStrings = {
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

const fr: SummaryStrings = {
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

const ar: SummaryStrings = {
  $dir: 'rtl',
  caption: 'أنواع الدعم المُقدَّم',
  responses: (total) => `الردود: ${total}`,
  answered: (answered) => `أجابوا عن هذا السؤال: ${answered}`,
  answeredHeading: 'أجابوا عن هذا السؤال',
  answer: 'الإجابة',
  count: 'العدد',
  share: 'النسبة',
  fewerThan: (k) => `أقل من ${k}`,
  suppressedNote: (k) => `حمايةً للخصوصية، تظهر الأعداد الأقل من ${k} على شكل «<${k}» وتُخفى نسبتها.`,
  chartLabel: (caption, items) => `مخطط أعمدة، ${caption}: ${items}.`,
  showTable: 'عرض كجدول',
  hideTable: 'إخفاء الجدول',
  loading: 'جارٍ تحميل الملخص…',
  error: 'تعذّر تحميل الملخص.',
  empty: 'لا توجد إجابات بعد.',
};

const strings: Record<string, SummaryStrings> = { en, es, fr, ar };

/** Exact language, then English (`es-MX` → es, `de` → en). */
export function summaryStringsFor(locale: string | null | undefined): SummaryStrings {
  const language = (locale ?? '').toLowerCase().split('-')[0] ?? '';
  return Object.hasOwn(strings, language) ? strings[language]! : en;
}
