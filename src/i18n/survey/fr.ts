import type { SurveyStrings } from '../types.js';

// French uses the singular for 0 and 1.
const plural = (count: number, one: string, other: string) => (count < 2 ? one : other);

const strings: SurveyStrings = {
  $code: 'fr',
  $name: 'Français',
  $dir: 'ltr',
  next: 'Suivant',
  back: 'Retour',
  submit: 'Envoyer',
  submitting: 'Envoi…',
  optional: 'facultatif',
  supportTypesQuestion: 'Quels types de soutien avez-vous reçus aujourd’hui ?',
  otherDetails: 'Précisez (facultatif)',
  stepOf: (step, total) => `Étape ${step} sur ${total}`,
  charactersLeft: (left, max) => `${left} ${plural(left, 'caractère restant', 'caractères restants')} sur ${max}`,
  required: 'Merci de répondre à cette question.',
  chooseAtLeast: (count) => `Choisissez au moins ${count} ${plural(count, 'option', 'options')}.`,
  chooseAtMost: (count) => `Choisissez au plus ${count} ${plural(count, 'option', 'options')}.`,
  tooLong: (max) => `Merci de rester sous ${max} caractères.`,
  invalid: 'Cette réponse ne fait pas partie des choix.',
  problemsFound: (count) => `Vérifiez ${count} ${plural(count, 'question', 'questions')} avant de continuer.`,
  thankYou: 'Merci.',
  statusSent: 'Vos réponses ont été envoyées.',
  statusSaved: 'Enregistré sur cet appareil. L’envoi se fera automatiquement.',
  statusSending: 'Envoi… gardez cette page ouverte un instant.',
  statusUnsaved:
    'Vos réponses n’ont pas pu être enregistrées sur cet appareil. Rien n’a été envoyé. Réessayez plus tard.',
  statusTooLarge: 'Vos réponses sont trop longues pour être envoyées. Raccourcissez-les et réessayez.',
  statusUnavailable: 'Vos réponses ne sont pas encore enregistrées : une partie de cette page n’a pas pu se charger. Elles sont toujours là et seront enregistrées dès que possible ; gardez cette page ouverte.',
  statusMissing: (file) => `Vos réponses ne sont pas enregistrées : un fichier dont ce questionnaire a besoin manque sur le site (${file}). Elles sont toujours là. Prévenez les personnes qui gèrent ce questionnaire.`,
  configError: 'Ce questionnaire ne peut pas s’afficher car sa configuration comporte des erreurs :',
  loading: 'Chargement…',
  leave: 'Quitter cette page',
  needHelpNow: 'Besoin d’aide maintenant ?',
  whatThisSends: 'Ce que ce questionnaire envoie',
  sendsIntro: 'Chaque réponse contient seulement :',
  sendsId: 'un numéro aléatoire, nouveau à chaque réponse, pour ne jamais la compter deux fois',
  sendsSurvey: 'le nom et la version de ce questionnaire',
  sendsTime: (bucket) => `le ${bucket} de l’envoi, pas l’heure exacte`,
  sendsLocale: 'la langue de vos réponses',
  sendsAnswer: (question) => `votre réponse à « ${question} », si vous répondez`,
  sendsOtherText: (question) => `ce que vous écrivez sous « Autre » dans « ${question} »`,
  sendsTag: (name, value) => `${name} : ${value} (identique pour tout le monde ici)`,
  sendsNever:
    'Elle ne contient jamais votre nom, votre appareil, votre navigateur, votre position, votre adresse ni rien qui relie vos réponses entre elles.',
  buckets: { hour: 'heure', day: 'jour', week: 'semaine', month: 'mois' },
  closeSurvey: 'Fermer',
  dontAskAgain: 'Ne plus me demander',
  keptOnDevice: (date) => `Si vous choisissez « Ne plus me demander », cet appareil garde une date (${date}) pour ne pas redemander avant. Rien d’autre n’est gardé.`,
  faces: (points) => (points === 3 ? ['Mécontent', 'Ni content ni mécontent', 'Content'] : ['Très mécontent', 'Mécontent', 'Ni content ni mécontent', 'Content', 'Très content']),
  requiredWord: 'obligatoire',
  charactersOver: (over) => `${over} ${plural(over, 'caractère', 'caractères')} de trop`,
  feedback: 'Votre avis',
};

export default strings;
