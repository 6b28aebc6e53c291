import type { SurveyConfigInput } from '../core/config/schema.js';
import { anonymousIntro, chooseAllThatApply, comment, locales, thankYou, yesMaybeNo, yesSomewhatNo } from './shared.js';

/** After a peer-led group; asks about connection, which groups offer most. */
export const groupSession: SurveyConfigInput = {
  id: 'group-session',
  version: 1,
  locales,
  title: {
    en: 'How was today’s group?',
    es: '¿Cómo fue el grupo de hoy?',
    fr: 'Comment s’est passé le groupe aujourd’hui ?',
  },
  intro: anonymousIntro,
  thankYou,
  questions: [
    {
      id: 'connected',
      type: 'rating',
      min: 1,
      max: 5,
      minLabel: { en: 'Not at all', es: 'Nada', fr: 'Pas du tout' },
      maxLabel: { en: 'Very connected', es: 'Muy conectado/a', fr: 'Très proche' },
      label: {
        en: 'How connected did you feel to others in the group?',
        es: '¿Qué tan conectado/a se sintió con las demás personas del grupo?',
        fr: 'À quel point vous êtes-vous senti·e proche des autres membres du groupe ?',
      },
    },
    {
      id: 'heard',
      type: 'single',
      options: yesSomewhatNo,
      label: {
        en: 'Did you feel heard in the group?',
        es: '¿Sintió que le escucharon en el grupo?',
        fr: 'Vous êtes-vous senti·e écouté·e dans le groupe ?',
      },
    },
    {
      id: 'supportTypes',
      type: 'support-types',
      allowOther: true,
      options: ['emotional', 'social', 'information', 'wellness', 'other'],
      label: {
        en: 'What did you take away from today’s group?',
        es: '¿Qué se llevó del grupo de hoy?',
        fr: 'Qu’avez-vous retiré du groupe aujourd’hui ?',
      },
      help: chooseAllThatApply,
    },
    {
      id: 'comeBack',
      type: 'single',
      options: yesMaybeNo,
      label: { en: 'Would you come back to this group?', es: '¿Volvería a este grupo?', fr: 'Reviendriez-vous à ce groupe ?' },
    },
    comment,
  ],
};
