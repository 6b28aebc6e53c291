/**
 * Resolves once the browser has painted the current frame, so work started then (loading
 * validation, the outbox) never delays what the respondent sees. A hidden page gets no frames:
 * a short timer stands in there.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}
