/**
 * Helpers over a parsed worksheet that the browser needs. Kept apart from schema.ts so the browser
 * bundle does not carry zod: the browser receives definitions already parsed at build time.
 */
import type { Prompt, Worksheet } from './schema';

export const allPrompts = (ws: Worksheet): Prompt[] => ws.sections.flatMap((s) => s.prompts);
