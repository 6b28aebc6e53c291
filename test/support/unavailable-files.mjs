// Lets a browser test make files of the page unreachable, the way a flaky connection or a missing
// file on a CDN would: the widget's on-demand parts (validation, the outbox, kiosk mode, languages)
// must fail gently. Mounted in web-test-runner's dev server.
//
//   POST /__unavailable   body: { "patterns": ["/src/outbox/index\\.(js|ts)$", …], "as": 503 | 404 | "offline" }
//                         every later request whose path matches (regular expressions) answers 503 (default)
//                         or 404 (a file missing on the server), or has its connection dropped with no answer
//                         ("offline": what a browser sees when the network is gone); [] makes them reachable again
const blocked = [];
let blockedAs = 503;

export function unavailableFilesMiddleware() {
  return async (ctx, next) => {
    // /__fresh/<key>/src/… serves /src/…: a module graph under a key no earlier test file used, so the
    // browser cannot answer it from its module map or cache (Firefox and WebKit keep modules of earlier
    // pages of the same context, no-store or not).
    const fresh = /^\/__fresh\/[\w-]+(\/.*)$/.exec(ctx.path);
    if (fresh) ctx.path = fresh[1];
    const requested = fresh ? fresh[0] : ctx.path;
    if (ctx.path === '/__unavailable' && ctx.method === 'POST') {
      const chunks = [];
      for await (const chunk of ctx.req) chunks.push(chunk);
      const { patterns, as = 503 } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      blocked.splice(0, blocked.length, ...patterns.map((pattern) => new RegExp(pattern)));
      blockedAs = as;
      ctx.status = 204;
      return;
    }
    if (blocked.some((pattern) => pattern.test(requested))) {
      if (blockedAs === 'offline') {
        ctx.respond = false;
        ctx.req.socket.destroy();
        return;
      }
      ctx.status = blockedAs;
      ctx.body = 'unavailable (test)';
      return;
    }
    await next();
    // Browsers keep modules of earlier test files in their HTTP cache and may fall back on them when a
    // revalidation fails; the sources are never cached, so "unreachable" means unreachable.
    if (ctx.path.startsWith('/src/')) ctx.set('Cache-Control', 'no-store');
  };
}
