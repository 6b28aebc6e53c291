import type { KioskStrings } from '../types.js';

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

const strings: KioskStrings = {
  start: 'Comenzar',
  stillThere: '¿Sigue ahí?',
  stillThereCountdown: (seconds) => `Sus respuestas se borrarán en ${seconds} ${plural(seconds, 'segundo', 'segundos')}.`,
  imStillHere: 'Sigo aquí',
  passTablet: 'Gracias. Por favor, pase la tableta a la siguiente persona.',
  ready: 'Estoy listo/a',
  staffPanel: 'Panel del personal',
  pin: 'PIN',
  unlock: 'Desbloquear',
  wrongPin: 'El PIN no es correcto.',
  pendingCount: 'Esperando envío',
  oldestPending: 'La más antigua espera desde',
  lastDelivered: 'Último envío',
  rejectedCount: 'Rechazadas por el servidor',
  notConfirmed: 'el receptor no lo confirma',
  storage: 'Guardadas en',
  never: 'nunca',
  sendNow: 'Enviar ahora',
  exportResponses: 'Exportar respuestas',
  close: 'Cerrar',
};

export default strings;
