import type { SurveyConfigInput } from '../core/config/schema.js';
import { anonymousIntro, chooseAllThatApply, comment, helpfulScale, locales, thankYou, yesMaybeNo, yesSomewhatNo } from './shared.js';

/** For parents, carers and family members supported by a family peer supporter. */
export const familyPeerSupport: SurveyConfigInput = {
  id: 'family-peer-support',
  version: 1,
  locales,
  title: {
    en: 'How was today’s family peer support?',
    es: '¿Cómo fue hoy el apoyo entre pares para familias?',
    fr: 'Comment s’est passé le soutien par les pairs pour les familles aujourd’hui ?',
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
      options: ['emotional', 'social', 'information', 'practical', 'advocacy', 'wellness', 'other'],
      label: {
        en: 'What kinds of support did you receive as a family member or carer?',
        es: '¿Qué tipos de apoyo recibió como familiar o cuidador/a?',
        fr: 'Quels types de soutien avez-vous reçus en tant que proche ou aidant·e ?',
      },
      help: chooseAllThatApply,
    },
    {
      id: 'lessAlone',
      type: 'single',
      options: yesSomewhatNo,
      label: {
        en: 'Do you feel less alone with what your family is going through?',
        es: '¿Se siente menos solo/a con lo que vive su familia?',
        fr: 'Vous sentez-vous moins seul·e face à ce que vit votre famille ?',
      },
    },
    {
      id: 'helpful',
      ...helpfulScale,
      label: {
        en: 'How helpful was today’s support for you?',
        es: '¿Qué tan útil fue para usted el apoyo de hoy?',
        fr: 'Le soutien d’aujourd’hui vous a-t-il été utile ?',
      },
    },
    {
      id: 'useAgain',
      type: 'single',
      options: yesMaybeNo,
      label: {
        en: 'Would you reach out to a family peer supporter again?',
        es: '¿Volvería a contactar a un/a par de apoyo familiar?',
        fr: 'Feriez-vous de nouveau appel à un·e pair aidant·e familial·e ?',
      },
    },
    comment,
  ],
};
