import type { KioskStrings } from '../types.js';

// French uses the singular for 0 and 1.
const plural = (count: number, one: string, other: string) => (count < 2 ? one : other);

const strings: KioskStrings = {
  start: 'Commencer',
  stillThere: 'Êtes-vous toujours là ?',
  stillThereCountdown: (seconds) =>
    `Vos réponses seront effacées dans ${seconds} ${plural(seconds, 'seconde', 'secondes')}.`,
  imStillHere: 'Je suis là',
  passTablet: 'Merci. Passez la tablette à la personne suivante.',
  ready: 'Je suis prêt·e',
  staffPanel: 'Panneau du personnel',
  pin: 'Code PIN',
  unlock: 'Déverrouiller',
  wrongPin: 'Ce code PIN n’est pas le bon.',
  pendingCount: 'En attente d’envoi',
  oldestPending: 'La plus ancienne attend depuis',
  lastDelivered: 'Dernier envoi',
  rejectedCount: 'Refusées par le serveur',
  notConfirmed: 'le destinataire ne le confirme pas',
  storage: 'Conservées dans',
  never: 'jamais',
  sendNow: 'Envoyer maintenant',
  exportResponses: 'Exporter les réponses',
  close: 'Fermer',
};

export default strings;
