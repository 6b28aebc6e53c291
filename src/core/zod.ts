/**
 * The one place zod is imported from. `jitless` stops zod from probing `new Function`, so the
 * widget runs under a strict CSP without violation reports (zod >= 4.4 honours it fully).
 * zod/mini keeps the bundle small: the classic `import { z } from "zod"` pulls in every locale.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };
