// Demo only: asks the reference collector (started with COLLECTOR_DEMO=1 by `npm start`) to answer
// 503 for a while, so a response can be seen waiting on the device and then delivered.
const collector = 'http://127.0.0.1:8787';
const state = () => document.getElementById('offline-state');

async function setOffline(offline) {
  try {
    const response = await fetch(`${collector}/demo/offline`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ offline }),
    });
    state().textContent = response.ok ? (offline ? 'Collector is answering 503.' : 'Collector is accepting responses.') : `Collector said ${response.status}.`;
  } catch {
    state().textContent = 'The collector is not running (npm start starts it).';
  }
}

addEventListener('DOMContentLoaded', () => {
  document.getElementById('offline-on').addEventListener('click', () => setOffline(true));
  document.getElementById('offline-off').addEventListener('click', () => setOffline(false));
});
