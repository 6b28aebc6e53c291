// Demo only: shows the widget's events as they happen.
const log = document.getElementById('log');
for (const type of ['survey-submit', 'survey-queued', 'survey-delivered', 'survey-rejected', 'survey-config-error', 'survey-reset', 'survey-storage-warning']) {
  document.addEventListener(type, (event) => {
    const line = `${new Date().toLocaleTimeString()}  ${type}  ${JSON.stringify(event.detail)}\n`;
    log.textContent = line + log.textContent;
  });
}
