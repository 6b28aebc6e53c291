import type { SurveyStrings } from '../types.js';

// Arabic has six plural forms; Intl.PluralRules picks the form, we supply the words.
const rules = new Intl.PluralRules('ar');
const count = (n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) =>
  `${n} ${forms[rules.select(n)] ?? forms.other}`;
const options = (n: number) => count(n, { one: 'خيار', two: 'خياران', few: 'خيارات', other: 'خيارًا' });
const questions = (n: number) => count(n, { one: 'سؤال', two: 'سؤالان', few: 'أسئلة', other: 'سؤالًا' });

const strings: SurveyStrings = {
  $code: 'ar',
  $name: 'العربية',
  $dir: 'rtl',
  next: 'التالي',
  back: 'السابق',
  submit: 'إرسال',
  submitting: 'جارٍ الإرسال…',
  optional: 'اختياري',
  supportTypesQuestion: 'ما أنواع الدعم التي تلقيتها اليوم؟',
  otherDetails: 'أخبرنا بالمزيد (اختياري)',
  stepOf: (step, total) => `الخطوة ${step} من ${total}`,
  charactersLeft: (left, max) => `بقي ${left} من ${max} حرفًا`,
  required: 'يُرجى الإجابة عن هذا السؤال.',
  chooseAtLeast: (n) => `يُرجى اختيار ${options(n)} على الأقل.`,
  chooseAtMost: (n) => `يُرجى اختيار ${options(n)} على الأكثر.`,
  tooLong: (max) => `يُرجى ألا يتجاوز النص ${max} حرفًا.`,
  invalid: 'هذه الإجابة ليست من الخيارات.',
  problemsFound: (n) => `يُرجى مراجعة ${questions(n)} قبل المتابعة.`,
  thankYou: 'شكرًا لك.',
  statusSent: 'أُرسلت إجاباتك.',
  statusSaved: 'حُفظت على هذا الجهاز، وسيتم إرسالها تلقائيًا.',
  statusSending: 'جارٍ الإرسال… يُرجى إبقاء هذه الصفحة مفتوحة قليلًا.',
  statusUnsaved: 'تعذّر حفظ إجاباتك على هذا الجهاز، ولم يُرسل شيء. يُرجى المحاولة لاحقًا.',
  statusTooLarge: 'إجاباتك أطول من أن تُرسل. يُرجى اختصارها والمحاولة مرة أخرى.',
  statusUnavailable: 'لم تُحفظ إجاباتك بعد: تعذّر تحميل جزء من هذه الصفحة. ما زالت هنا، وستُحفظ حالما يُحمَّل؛ يُرجى إبقاء هذه الصفحة مفتوحة.',
  statusMissing: (file) => `لم تُحفظ إجاباتك: الملف \u2068${file}\u2069 غير موجود على هذا الموقع. ما زالت إجاباتك هنا. يُرجى إبلاغ القائمين على هذا الاستبيان.`,
  configError: 'لا يمكن عرض هذا الاستبيان لأن إعداده يحتوي على مشكلات:',
  loading: 'جارٍ التحميل…',
  leave: 'مغادرة هذه الصفحة',
  needHelpNow: 'هل تحتاج إلى مساعدة الآن؟',
  whatThisSends: 'ما الذي يرسله هذا الاستبيان',
  sendsIntro: 'كل إجابة تحتوي فقط على:',
  sendsId: 'رقم عشوائي جديد لكل إجابة، حتى لا تُحسب مرتين',
  sendsSurvey: 'اسم هذا الاستبيان وإصداره',
  sendsTime: (bucket) => `${bucket} الإرسال، وليس الوقت الدقيق`,
  sendsLocale: 'اللغة التي أجبت بها',
  sendsAnswer: (question) => `إجابتك عن «${question}» إن أجبت`,
  sendsOtherText: (question) => `ما تكتبه تحت «أخرى» في «${question}»`,
  sendsTag: (name, value) => `${name}: ${value} (هو نفسه لكل من هنا)`,
  sendsNever: 'لا تحتوي أبدًا على اسمك أو جهازك أو متصفحك أو موقعك أو عنوانك أو أي شيء يربط إجاباتك ببعضها.',
  buckets: { hour: 'ساعة', day: 'يوم', week: 'أسبوع', month: 'شهر' },
  closeSurvey: 'إغلاق',
  surveyOpened: (title) => `فُتح استبيان قصير: ${title}`,
  dontAskAgain: 'لا تسألني مرة أخرى',
  keptOnDevice: (date) => `إذا اخترت «لا تسألني مرة أخرى»، يحتفظ هذا الجهاز بتاريخ واحد (${date}) حتى لا يسألك قبله. ولا يُحفظ أي شيء آخر.`,
  faces: (points) => (points === 3 ? ['غير راضٍ', 'لا راضٍ ولا غير راضٍ', 'راضٍ'] : ['غير راضٍ إطلاقًا', 'غير راضٍ', 'لا راضٍ ولا غير راضٍ', 'راضٍ', 'راضٍ جدًا']),
  requiredWord: 'إلزامي',
  charactersOver: (over) => `${over} حرفًا زائدًا`,
  feedback: 'رأيك',
  statusSentUnverified: 'أُرسلت إجاباتك. (هذه الخدمة لا تُرسل تأكيدًا بالاستلام.)',
  statusNotAccepted: 'إجاباتك محفوظة على هذا الجهاز، لكن الخدمة التي تجمعها لم تقبلها، لذلك لن تُرسل تلقائيًا. شكرًا على وقتك.',
};

export default strings;
