/** zod's faster parsers are compiled with `new Function`, which the CSP forbids (no 'unsafe-eval'). */
import { z } from 'zod';

z.config({ jitless: true });
