import '../../../src/define.js';

const params = new URLSearchParams(location.search);
const survey = document.getElementById('survey')!;
survey.setAttribute('endpoint', params.get('endpoint') ?? '');
survey.setAttribute('preset', 'peer-support-encounter');
(window as unknown as { surveyReady: boolean }).surveyReady = true;
