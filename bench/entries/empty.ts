// (d) The empty page's module: one static question, so the probe has something to find and this
// row measures only the page, the module round trip and the measurement itself.
const question = document.createElement('p');
question.dataset.question = 'empty';
question.textContent = 'How was your peer support today?';
document.body.append(question);
