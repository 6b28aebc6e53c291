import type { SurveyStrings } from '../types.js';

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

const strings: SurveyStrings = {
  $code: 'es',
  $name: 'Español',
  $dir: 'ltr',
  next: 'Siguiente',
  back: 'Atrás',
  submit: 'Enviar',
  submitting: 'Enviando…',
  optional: 'opcional',
  supportTypesQuestion: '¿Qué tipos de apoyo recibió hoy?',
  otherDetails: 'Cuéntenos más (opcional)',
  stepOf: (step, total) => `Paso ${step} de ${total}`,
  charactersLeft: (left, max) => `Quedan ${left} de ${max} ${plural(max, 'carácter', 'caracteres')}`,
  required: 'Por favor, responda esta pregunta.',
  chooseAtLeast: (count) => `Elija al menos ${count} ${plural(count, 'opción', 'opciones')}.`,
  chooseAtMost: (count) => `Elija como máximo ${count} ${plural(count, 'opción', 'opciones')}.`,
  tooLong: (max) => `Escriba menos de ${max} caracteres.`,
  invalid: 'Esta respuesta no es una de las opciones.',
  problemsFound: (count) => `Revise ${count} ${plural(count, 'pregunta', 'preguntas')} antes de continuar.`,
  statusSent: 'Enviado. Gracias.',
  statusSaved: 'Guardado en este dispositivo. Se enviará automáticamente.',
  statusSending: 'Enviando… mantenga esta página abierta un momento.',
  statusUnsaved: 'No se pudieron guardar sus respuestas en este dispositivo. No se envió nada. Inténtelo más tarde.',
  statusTooLarge: 'Sus respuestas son demasiado largas para enviarlas. Acórtelas e inténtelo de nuevo.',
  statusUnavailable: 'Sus respuestas siguen aquí, pero no se pudieron enviar desde esta página ahora mismo. Compruebe la conexión y pulse Enviar de nuevo.',
  configError: 'Esta encuesta no se puede mostrar porque su configuración tiene problemas:',
  loading: 'Cargando…',
  leave: 'Salir de esta página',
  needHelpNow: 'Si necesita ayuda ahora:',
  whatThisSends: 'Qué envía esta encuesta',
  sendsIntro: 'Cada respuesta contiene solamente:',
  sendsId: 'un número aleatorio, nuevo en cada respuesta, para que nunca se cuente dos veces',
  sendsSurvey: 'el nombre y la versión de esta encuesta',
  sendsTime: (bucket) => `el ${bucket} en que se envió, no la hora exacta`,
  sendsLocale: 'el idioma en que respondió',
  sendsAnswer: (question) => `su respuesta a «${question}», si responde`,
  sendsOtherText: (question) => `lo que escriba en «Otro» de «${question}»`,
  sendsTag: (name, value) => `${name}: ${value} (igual para todas las personas aquí)`,
  sendsNever:
    'Nunca contiene su nombre, dispositivo, navegador, ubicación, dirección ni nada que permita unir sus respuestas.',
  buckets: { hour: 'hora', day: 'día', week: 'semana', month: 'mes' },
};

export default strings;
