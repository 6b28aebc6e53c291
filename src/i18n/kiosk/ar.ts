import type { KioskStrings } from '../types.js';

// Arabic has six plural forms; Intl.PluralRules picks the form, we supply the words.
const rules = new Intl.PluralRules('ar');
const count = (n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) =>
  `${n} ${forms[rules.select(n)] ?? forms.other}`;
const seconds = (n: number) => count(n, { one: 'ثانية', two: 'ثانيتين', few: 'ثوانٍ', other: 'ثانية' });

const strings: KioskStrings = {
  start: 'ابدأ',
  stillThere: 'هل ما زلت هنا؟',
  stillThereCountdown: (n) => `ستُمسح إجاباتك خلال ${seconds(n)}.`,
  imStillHere: 'ما زلت هنا',
  passTablet: 'شكرًا لك. يُرجى تسليم الجهاز اللوحي إلى الشخص التالي.',
  ready: 'أنا مستعد',
  staffPanel: 'لوحة الموظفين',
  pin: 'الرمز السري',
  unlock: 'فتح',
  wrongPin: 'الرمز السري غير صحيح.',
  pendingCount: 'بانتظار الإرسال',
  oldestPending: 'أقدم إجابة تنتظر منذ',
  lastDelivered: 'آخر إرسال',
  rejectedCount: 'رفضها الخادم',
  notConfirmed: 'الجهة المستلمة لا تؤكد الاستلام',
  storage: 'محفوظة في',
  never: 'أبدًا',
  sendNow: 'أرسل الآن',
  exportResponses: 'تصدير الإجابات',
  close: 'إغلاق',
};

export default strings;
