/**
 * Zod's own messages (a missing object, a wrong type where a schema names no message) in Swedish: no
 * English system text reaches a person. Imported first by the contract, so every bridge has it.
 */
import { z } from 'zod';

z.config(z.locales.sv());
