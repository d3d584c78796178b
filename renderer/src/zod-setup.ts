// zod would probe `new Function` to compile fast parsers; the CSP forbids eval and Chromium
// reports the probe as a violation even though zod catches it. Imported first by main.tsx.
import { z } from 'zod';

z.config({ jitless: true });
