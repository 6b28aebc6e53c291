/**
 * Imported for its side effect, before any schema is built: `jitless` stops zod from compiling
 * parsers with `new Function`, so the widget runs under a strict CSP without violation reports
 * (zod reads the flag when a schema is constructed; zod >= 4.4 also skips its probe).
 * Modules import zod itself as `import * as z from 'zod/mini'`: a namespace re-exported as a value
 * would defeat tree-shaking, and the classic named import from the full "zod" entry pulls in every locale.
 */
import { config } from 'zod/mini';

config({ jitless: true });
