// Loaded first on the strict-CSP page: records every violation so the test can read them.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`);
});
