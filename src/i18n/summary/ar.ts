import type { SummaryStrings } from '../types.js';

const strings: SummaryStrings = {
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

export default strings;
