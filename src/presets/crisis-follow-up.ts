import type { SurveyConfigInput } from '../core/config/schema.js';
import { anonymousIntro, chooseAllThatApply, helpfulScale, locales, thankYou, yesSomewhatNo } from './shared.js';

/**
 * After a follow-up contact that came out of a crisis. Gentle and short; the safety footer points to
 * help now. Add your own `safety.helplines` (numbers are local, so the preset names none).
 */
export const crisisFollowUp: SurveyConfigInput = {
  id: 'crisis-follow-up',
  version: 1,
  locales,
  title: {
    en: 'How did our follow-up go?',
    es: '¿Cómo fue nuestro seguimiento?',
    fr: 'Comment s’est passé notre suivi ?',
  },
  intro: anonymousIntro,
  thankYou,
  safety: {
    footer: {
      en: 'If you are in crisis right now, please call your local crisis line or emergency number.',
      es: 'Si está en crisis ahora mismo, llame a su línea de crisis local o al número de emergencias.',
      fr: 'Si vous êtes en crise en ce moment, appelez votre ligne d’écoute locale ou le numéro d’urgence.',
    },
  },
  questions: [
    {
      id: 'heard',
      type: 'single',
      options: yesSomewhatNo,
      label: {
        en: 'Did you feel listened to?',
        es: '¿Sintió que le escucharon?',
        fr: 'Vous êtes-vous senti·e écouté·e ?',
      },
    },
    {
      id: 'supportTypes',
      type: 'support-types',
      allowOther: true,
      options: ['emotional', 'crisis', 'information', 'practical', 'wellness', 'other'],
      label: {
        en: 'What support did you receive?',
        es: '¿Qué apoyo recibió?',
        fr: 'Quel soutien avez-vous reçu ?',
      },
      help: chooseAllThatApply,
    },
    {
      id: 'helpful',
      ...helpfulScale,
      label: {
        en: 'How helpful was it to hear from us?',
        es: '¿Qué tan útil le resultó que le contactáramos?',
        fr: 'Notre prise de contact vous a-t-elle été utile ?',
      },
    },
    {
      id: 'better',
      type: 'text',
      maxLength: 300,
      showIf: { question: 'helpful', in: [1, 2] },
      label: {
        en: 'What would have helped more?',
        es: '¿Qué le habría ayudado más?',
        fr: 'Qu’est-ce qui vous aurait davantage aidé·e ?',
      },
      help: {
        en: 'Please do not include names or contact details.',
        es: 'Por favor, no incluya nombres ni datos de contacto.',
        fr: 'Merci de ne pas indiquer de noms ni de coordonnées.',
      },
    },
  ],
};
