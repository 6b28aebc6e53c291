// Demo only: shows the FormData an ordinary form collects, support types included.
addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('encounter-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const entries = [...new FormData(form)].map(([name, value]) => `${name} = ${value}`);
    document.getElementById('form-data').textContent = entries.join('\n');
  });
});
