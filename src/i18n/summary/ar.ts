import type { SummaryStrings } from '../types.js';

const strings: SummaryStrings = {
  $dir: 'rtl',
  caption: 'ملخص الاستبيان',
  responses: (total) => `الردود: ${total}`,
  answered: (answered) => `أجابوا عن هذا السؤال: ${answered}`,
  answeredHeading: 'أجابوا عن هذا السؤال',
  answer: 'الإجابة',
  count: 'العدد',
  share: 'النسبة',
  fewerThan: (k) => `أقل من ${k}`,
  suppressedNote: (k, rounding) =>
    `حمايةً للخصوصية، تظهر الأعداد الأقل من ${k} على شكل «<${k}» دون نسبة، ` +
    (rounding > 1 ? `وتُقرَّب الأعداد الأخرى إلى مضاعفات ${rounding}، ` : '') +
    'ولا تُفصَّل إلا الفترات الكاملة المنتهية.',
  chartLabel: (caption, items) => `مخطط أعمدة، ${caption}: ${items}.`,
  showTable: 'عرض كجداول',
  hideTable: 'إخفاء الجداول',
  loading: 'جارٍ تحميل الملخص…',
  error: 'تعذّر تحميل الملخص.',
  malformed: (fields) => `لا يمكن عرض هذا الملخص. ناقص أو غير صحيح: ${fields.join('، ')}.`,
  empty: 'لا توجد إجابات بعد.',
  median: (value) => `الوسيط: ${value}`,
  scale: (low, high) => `المقياس: من ${low} إلى ${high}`,
  seriesCaption: (unit) => (unit === 'week' ? 'الردود في كل أسبوع' : 'الردود في كل شهر'),
  period: 'الفترة',
  weekOf: (day) => `أسبوع ${day}`,
  covers: (range) => `الفترة المشمولة: ${range}.`,
  openPeriod: (unit, total, k) =>
    `${unit === 'week' ? 'هذا الأسبوع' : 'هذا الشهر'} حتى الآن: ${total === null ? `أقل من ${k}` : `نحو ${total}`} من الردود، وتُعرض تفاصيلها بعد انتهاء الفترة.`,
  noClosedPeriod: (unit) => (unit === 'week' ? 'لم ينتهِ أي أسبوع كامل بعد.' : 'لم ينتهِ أي شهر كامل بعد.'),
};

export default strings;
