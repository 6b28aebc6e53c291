import type { ForwardingStrings } from './types.js';

// Spanish, French and Arabic in one chunk: a few lines each, so one download serves the three.
export const es: ForwardingStrings = {
  $dir: 'ltr',
  heading: 'Envío a otros destinos',
  intro: 'Adónde se envían las respuestas después de guardarlas, y cómo va.',
  destination: 'Destino',
  survey: 'Encuesta',
  kind: 'Tipo',
  kinds: { webhook: 'Webhook', 'apps-script': 'Hojas de cálculo de Google (Apps Script)', chat: 'Aviso en el chat' },
  delivered: 'Entregadas',
  waiting: 'En espera',
  failed: 'Fallidas',
  lastError: 'Último error',
  noError: 'Ninguno',
  sendAgain: 'Enviar de nuevo',
  queuedAgain: (count) => (count === 1 ? 'Se volverá a enviar 1 entrega.' : `Se volverán a enviar ${count} entregas.`),
  refresh: 'Actualizar',
  unreachable: 'No se pudieron cargar las cifras de envío. Inténtelo de nuevo en un momento.',
};

export const fr: ForwardingStrings = {
  $dir: 'ltr',
  heading: 'Transmission vers d’autres destinations',
  intro: 'Où les réponses sont envoyées une fois enregistrées, et où en est l’envoi.',
  destination: 'Destination',
  survey: 'Questionnaire',
  kind: 'Type',
  kinds: { webhook: 'Webhook', 'apps-script': 'Google Sheets (Apps Script)', chat: 'Notification de discussion' },
  delivered: 'Livrées',
  waiting: 'En attente',
  failed: 'Échouées',
  lastError: 'Dernière erreur',
  noError: 'Aucune',
  sendAgain: 'Renvoyer',
  queuedAgain: (count) => (count <= 1 ? `${count} envoi sera refait.` : `${count} envois seront refaits.`),
  refresh: 'Actualiser',
  unreachable: 'Les chiffres d’envoi n’ont pas pu être chargés. Réessayez dans un instant.',
};

const rules = new Intl.PluralRules('ar');

export const ar: ForwardingStrings = {
  $dir: 'rtl',
  heading: 'الإرسال إلى جهات أخرى',
  intro: 'الجهات التي تُرسَل إليها الردود بعد حفظها، وحال الإرسال.',
  destination: 'الجهة',
  survey: 'الاستبيان',
  kind: 'النوع',
  kinds: { webhook: 'Webhook', 'apps-script': 'جداول Google (Apps Script)', chat: 'إشعار في المحادثة' },
  delivered: 'سُلِّمت',
  waiting: 'قيد الانتظار',
  failed: 'فشلت',
  lastError: 'آخر خطأ',
  noError: 'لا يوجد',
  sendAgain: 'أعد الإرسال',
  queuedAgain: (count) => {
    const form = rules.select(count);
    if (form === 'one') return 'سيُعاد إرسال تسليم واحد.';
    if (form === 'two') return 'سيُعاد إرسال تسليمين.';
    if (form === 'few') return `سيُعاد إرسال ${count} تسليمات.`;
    return `سيُعاد إرسال ${count} تسليمًا.`;
  },
  refresh: 'تحديث',
  unreachable: 'تعذّر تحميل أرقام الإرسال. حاول مرة أخرى بعد قليل.',
};
