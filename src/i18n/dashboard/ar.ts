import type { DashboardStrings } from '../types.js';
import { listOf } from './words.js';

const strings: DashboardStrings = {
  $dir: 'rtl',
  title: 'لوحة الاستبيانات',
  signInHeading: 'دخول الموظفين',
  tokenLabel: 'رمز الموظفين',
  tokenHelp: 'رمز الموظفين الخاص بالمُجمِّع. يُستبدَل بملف تعريف ارتباط للجلسة ولا يُحفظ في هذه الصفحة.',
  signIn: 'دخول',
  wrongToken: 'هذا ليس رمز الموظفين.',
  signOut: 'خروج',
  signedOut: 'لقد سجّلت الخروج.',
  sessionEnded: 'انتهت جلستك. يُرجى الدخول مرة أخرى.',
  unreachable: 'تعذّر الوصول إلى المُجمِّع. حاول مرة أخرى بعد قليل.',
  loading: 'جارٍ التحميل…',
  language: 'اللغة',
  survey: 'الاستبيان',
  noSurveys: 'لا توجد إعدادات استبيانات لدى هذا المُجمِّع.',
  filters: 'عوامل التصفية',
  unit: 'التفصيل حسب',
  week: 'الأسبوع',
  month: 'الشهر',
  from: 'من',
  to: 'إلى',
  version: 'الإصدار',
  locale: 'لغة الردود',
  all: 'الكل',
  show: 'عرض',
  downloads: 'تنزيل الردود',
  downloadCsv: 'CSV (جداول البيانات)',
  downloadJson: 'JSON Lines',
  report: 'التقرير الشهري',
  reportMonth: 'الشهر',
  openReport: 'فتح التقرير',
  closeReport: 'العودة إلى اللوحة',
  print: 'طباعة',
  headlineMultiple: (month, [first, ...rest], n) =>
    `في ${month}، تضمّن ${first!.percent} من الردود ${first!.label}` +
    (rest.length ? ` و${listOf(rest.map((item) => `${item.percent} ${item.label}`), 'ar')}` : '') +
    ` (العدد = ${n}).`,
  headlineSingle: (question, answer, percent, n) => `على سؤال «${question}»، أجاب ${percent} «${answer}» (العدد = ${n}).`,
  headlineRating: (question, median, max, n) => `كان وسيط الإجابات على «${question}» ${median} من ${max} (العدد = ${n}).`,
  headlineTooFew: (month, k) => `في ${month} كان عدد الردود أقل من ${k}، لذا لا تُعرض أي أرقام.`,
};

export default strings;
