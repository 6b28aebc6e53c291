/**
 * The default support types a peer-support encounter can provide, in the order people most often
 * report them (emotional support first, then social connection, then resources). Wording is ours.
 *
 * Crosswalk to published taxonomies (`samhsa`, `salzer` below), for services that report upwards:
 *
 * | value         | SAMHSA (emotional / informational / instrumental / affiliational) | Salzer (emotional / instrumental / companionship / information) |
 * |---------------|-------------------------------|-------------------------------|
 * | emotional     | emotional                     | emotional                     |
 * | social        | affiliational                 | companionship                 |
 * | information   | informational                 | information                   |
 * | practical     | instrumental                  | instrumental                  |
 * | advocacy      | instrumental (closest fit)    | instrumental (closest fit)    |
 * | wellness      | informational + instrumental  | information + instrumental    |
 * | crisis        | emotional + instrumental      | emotional + instrumental      |
 * | other         | —                             | —                             |
 *
 * Sources: SAMHSA's four types of peer support (BRSS TACS, "Value of Peers", 2017); Salzer's
 * social-support types for consumer-delivered services (Salzer, 2002). "Closest fit" rows are our
 * judgement; `crosswalk` below carries the same mapping for code.
 */
export type SamhsaSupport = 'emotional' | 'informational' | 'instrumental' | 'affiliational';
export type SalzerSupport = 'emotional' | 'instrumental' | 'companionship' | 'information';

export interface SupportType {
  value: string;
  label: { en: string; es: string; fr: string; ar: string };
  description: { en: string; es: string; fr: string; ar: string };
  samhsa: SamhsaSupport[];
  salzer: SalzerSupport[];
}

type SupportTypeText = Pick<SupportType, 'value' | 'label' | 'description'>;

// The wording apart from the crosswalk: a survey needs only the wording, so a bundle that never reads
// `defaultSupportTypes` (the one-file build's entry) leaves the crosswalk out.
const supportTypeTexts: SupportTypeText[] = [
  {
    value: 'emotional',
    label: { en: 'Emotional support', es: 'Apoyo emocional', fr: 'Soutien émotionnel', ar: 'الدعم العاطفي' },
    description: {
      en: 'Someone listened, understood and was there for me.',
      es: 'Alguien me escuchó, me comprendió y estuvo presente.',
      fr: 'Quelqu’un m’a écouté·e, m’a compris·e et était là pour moi.',
      ar: 'استمع إليّ أحدٌ وفهمني وكان بجانبي.',
    },
  },
  {
    value: 'social',
    label: { en: 'Social connection', es: 'Conexión social', fr: 'Lien social', ar: 'التواصل الاجتماعي' },
    description: {
      en: 'I felt less alone and more connected to others.',
      es: 'Me sentí menos solo/a y más conectado/a con otras personas.',
      fr: 'Je me suis senti·e moins seul·e et plus proche des autres.',
      ar: 'شعرتُ بوحدة أقل وبقرب أكبر من الآخرين.',
    },
  },
  {
    value: 'information',
    label: { en: 'Information & resources', es: 'Información y recursos', fr: 'Informations et ressources', ar: 'المعلومات والموارد' },
    description: {
      en: 'I learned about services, options or where to go next.',
      es: 'Conocí servicios, opciones o a dónde acudir.',
      fr: 'J’ai découvert des services, des options ou où m’adresser.',
      ar: 'تعرّفتُ على خدمات أو خيارات أو على الجهة التي أتوجّه إليها بعد ذلك.',
    },
  },
  {
    value: 'practical',
    label: { en: 'Practical help', es: 'Ayuda práctica', fr: 'Aide pratique', ar: 'مساعدة عملية' },
    description: {
      en: 'Help with a task, such as forms, transport or appointments.',
      es: 'Ayuda con una tarea, como trámites, transporte o citas.',
      fr: 'Aide pour une démarche : formulaires, transport, rendez-vous…',
      ar: 'مساعدة في مهمة، مثل النماذج أو المواصلات أو المواعيد.',
    },
  },
  {
    value: 'advocacy',
    label: { en: 'Advocacy', es: 'Defensa de mis derechos', fr: 'Défense de mes droits', ar: 'المناصرة' },
    description: {
      en: 'Someone helped me speak up or be heard by a service.',
      es: 'Alguien me ayudó a expresarme o a que un servicio me escuchara.',
      fr: 'Quelqu’un m’a aidé·e à me faire entendre auprès d’un service.',
      ar: 'ساعدني أحدٌ على إيصال صوتي إلى جهة تقدّم خدمة.',
    },
  },
  {
    value: 'wellness',
    label: {
      en: 'Wellness & recovery planning',
      es: 'Bienestar y plan de recuperación',
      fr: 'Bien-être et plan de rétablissement',
      ar: 'العافية وخطة التعافي',
    },
    description: {
      en: 'We talked about my goals, routines or what keeps me well.',
      es: 'Hablamos de mis metas, rutinas o de lo que me ayuda a estar bien.',
      fr: 'Nous avons parlé de mes objectifs, de mes habitudes ou de ce qui m’aide à aller bien.',
      ar: 'تحدّثنا عن أهدافي أو عاداتي أو ما يساعدني على البقاء بخير.',
    },
  },
  {
    value: 'crisis',
    label: { en: 'Crisis support', es: 'Apoyo en crisis', fr: 'Soutien en situation de crise', ar: 'الدعم في الأزمات' },
    description: {
      en: 'Support through a very hard moment, to get through it safely.',
      es: 'Apoyo en un momento muy difícil, para superarlo con seguridad.',
      fr: 'Du soutien dans un moment très difficile, pour le traverser en sécurité.',
      ar: 'دعمٌ في لحظة صعبة جدًا، لاجتيازها بأمان.',
    },
  },
  {
    value: 'other',
    label: { en: 'Other', es: 'Otro', fr: 'Autre', ar: 'أخرى' },
    description: {
      en: 'Something else (you can describe it briefly).',
      es: 'Otra cosa (puede describirla brevemente).',
      fr: 'Autre chose (vous pouvez le décrire brièvement).',
      ar: 'شيء آخر (يمكنك وصفه باختصار).',
    },
  },
];

/** The crosswalk, per value: [SAMHSA, Salzer] (the table above). */
const crosswalk: Record<string, [SamhsaSupport[], SalzerSupport[]]> = {
  emotional: [['emotional'], ['emotional']],
  social: [['affiliational'], ['companionship']],
  information: [['informational'], ['information']],
  practical: [['instrumental'], ['instrumental']],
  advocacy: [['instrumental'], ['instrumental']],
  wellness: [['informational', 'instrumental'], ['information', 'instrumental']],
  crisis: [['emotional', 'instrumental'], ['emotional', 'instrumental']],
  other: [[], []],
};

export const defaultSupportTypes: SupportType[] = /* @__PURE__ */ supportTypeTexts.map(({ value, label, description }) => {
  const [samhsa, salzer] = crosswalk[value]!;
  return { value, label, description, samhsa, salzer };
});

/**
 * Each support type as a config option (value, label, description), frozen because every parsed
 * config shares these objects: identity tells a taxonomy option from an author's own.
 */
export const taxonomyOptions: ReadonlyMap<string, Readonly<{ value: string; label: SupportType['label']; description: SupportType['description'] }>> =
  new Map(supportTypeTexts.map(({ value, label, description }) => [value, Object.freeze({ value, label, description })]));
