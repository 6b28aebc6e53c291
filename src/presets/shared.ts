import type { ChoiceOption, LocalizedText, SurveyConfigInput } from '../core/config/schema.js';

/** Wording shared by the presets (our own, plain, short; every preset is en/es/fr). */
export const locales = ['en', 'es', 'fr'];

export const yesSomewhatNo: ChoiceOption[] = [
  { value: 'yes', label: { en: 'Yes', es: 'Sí', fr: 'Oui' } },
  { value: 'somewhat', label: { en: 'Somewhat', es: 'En parte', fr: 'En partie' } },
  { value: 'no', label: { en: 'No', es: 'No', fr: 'Non' } },
];

export const yesMaybeNo: ChoiceOption[] = [
  { value: 'yes', label: { en: 'Yes', es: 'Sí', fr: 'Oui' } },
  { value: 'maybe', label: { en: 'Maybe', es: 'Tal vez', fr: 'Peut-être' } },
  { value: 'no', label: { en: 'No', es: 'No', fr: 'Non' } },
];

/** Help under every support-types question. */
export const chooseAllThatApply: LocalizedText = {
  en: 'Choose all that apply.',
  es: 'Elija todas las que correspondan.',
  fr: 'Cochez tout ce qui s’applique.',
};

export const anonymousIntro: LocalizedText = {
  en: 'This survey is anonymous and takes less than a minute. Skip anything you like.',
  es: 'Esta encuesta es anónima y dura menos de un minuto. Puede saltarse cualquier pregunta.',
  fr: 'Ce questionnaire est anonyme et prend moins d’une minute. Vous pouvez passer les questions de votre choix.',
};

export const thankYou: LocalizedText = {
  en: 'Thank you. Your answers help us support people better.',
  es: 'Gracias. Sus respuestas nos ayudan a apoyar mejor a las personas.',
  fr: 'Merci. Vos réponses nous aident à mieux accompagner les personnes.',
};

export const helpfulScale = {
  type: 'rating',
  min: 1,
  max: 5,
  minLabel: { en: 'Not helpful', es: 'Nada útil', fr: 'Pas utile' },
  maxLabel: { en: 'Very helpful', es: 'Muy útil', fr: 'Très utile' },
} as const;

/** The closing free-text question; the help text keeps identifying details out of the payload. */
export const comment: SurveyConfigInput['questions'][number] = {
  id: 'comment',
  type: 'text',
  multiline: true,
  maxLength: 500,
  label: {
    en: 'Anything else you would like to tell us?',
    es: '¿Algo más que quiera contarnos?',
    fr: 'Autre chose à nous dire ?',
  },
  help: {
    en: 'Please do not include names or contact details.',
    es: 'Por favor, no incluya nombres ni datos de contacto.',
    fr: 'Merci de ne pas indiquer de noms ni de coordonnées.',
  },
};
