import type { SurveyConfigInput } from '../core/config/schema.js';
import { anonymousIntro, chooseAllThatApply, comment, helpfulScale, locales, thankYou, yesMaybeNo, yesSomewhatNo } from './shared.js';

/** The default: after a one-to-one peer support conversation. Five questions, under a minute. */
export const peerSupportEncounter: SurveyConfigInput = {
  id: 'peer-support-encounter',
  version: 1,
  locales,
  title: {
    en: 'How was your peer support today?',
    es: '¿Cómo fue su apoyo entre pares hoy?',
    fr: 'Comment s’est passé votre soutien par les pairs aujourd’hui ?',
  },
  intro: anonymousIntro,
  thankYou,
  questions: [
    {
      id: 'supportTypes',
      type: 'support-types',
      required: true,
      min: 1,
      allowOther: true,
      label: {
        en: 'What kinds of support did you receive today?',
        es: '¿Qué tipos de apoyo recibió hoy?',
        fr: 'Quels types de soutien avez-vous reçus aujourd’hui ?',
      },
      help: chooseAllThatApply,
    },
    {
      id: 'helpful',
      ...helpfulScale,
      label: {
        en: 'How helpful was this conversation for you?',
        es: '¿Qué tan útil fue esta conversación para usted?',
        fr: 'Cette conversation vous a-t-elle été utile ?',
      },
    },
    {
      id: 'heard',
      type: 'single',
      options: yesSomewhatNo,
      label: { en: 'Did you feel heard?', es: '¿Sintió que le escucharon?', fr: 'Vous êtes-vous senti·e écouté·e ?' },
    },
    {
      id: 'useAgain',
      type: 'single',
      options: yesMaybeNo,
      label: {
        en: 'Would you reach out for peer support again?',
        es: '¿Volvería a buscar apoyo entre pares?',
        fr: 'Feriez-vous de nouveau appel au soutien par les pairs ?',
      },
    },
    comment,
  ],
};
