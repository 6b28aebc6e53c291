// The modes page: one theme and one brand colour for every survey, the dialog's own button, an event log.
const surveys = [...document.querySelectorAll('.demo-survey')];
const log = document.querySelector('#log');
const write = (line) => (log.textContent = `${new Date().toLocaleTimeString()}  ${line}\n${log.textContent}`);

document.querySelector('#themes').addEventListener('change', (event) => {
  if (event.target.name === 'theme') for (const survey of surveys) survey.setAttribute('theme', event.target.value);
});
document.querySelector('#accent').addEventListener('change', (event) => {
  document.documentElement.style.setProperty('--es-accent', event.target.value);
  for (const survey of surveys) survey.refreshTheme();
});
document.querySelector('#open-dialog').addEventListener('click', () => document.querySelector('#dialog-survey').open());

for (const type of ['survey-open', 'survey-close', 'survey-queued', 'survey-delivered', 'survey-config-warning']) {
  document.addEventListener(type, (event) => write(`${event.target.id}: ${type} ${JSON.stringify(event.detail)}`));
}
