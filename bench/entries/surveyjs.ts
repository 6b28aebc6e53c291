// (b) SurveyJS rendering the default preset's survey. survey-core + survey-js-ui (Preact inside),
// with SurveyJS's default theme CSS. The fontless stylesheet: the default one pulls Open Sans from
// fonts.gstatic.com, and the bench stays on loopback.
import { Model } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';
import 'survey-core/survey-core.fontless.css';
import { intro, questions as q, supportTypes, title } from './questions.ts';

const choices = (options: readonly (readonly [string, string])[]) => options.map(([value, text]) => ({ value, text }));

const survey = new Model({
  title,
  description: intro,
  showQuestionNumbers: 'off',
  completedHtml: '<p>Thank you. Your answers help us support people better.</p>',
  elements: [
    {
      type: 'checkbox',
      name: 'supportTypes',
      title: q.supportTypes.label,
      description: q.supportTypes.help,
      isRequired: true,
      choices: choices(supportTypes),
      showOtherItem: true,
    },
    {
      type: 'rating',
      name: 'helpful',
      title: q.helpful.label,
      rateMin: 1,
      rateMax: 5,
      minRateDescription: q.helpful.minLabel,
      maxRateDescription: q.helpful.maxLabel,
    },
    { type: 'radiogroup', name: 'heard', title: q.heard.label, choices: choices(q.heard.options) },
    { type: 'radiogroup', name: 'useAgain', title: q.useAgain.label, choices: choices(q.useAgain.options) },
    { type: 'comment', name: 'comment', title: q.comment.label, description: q.comment.help, maxLength: q.comment.maxLength },
  ],
});

renderSurvey(survey, document.getElementById('survey')!);
