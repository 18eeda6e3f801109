import type { TemplateBuilder } from './types';
import { section } from '../common';

// Placeholder until the template is written.
export const uppfoljning: TemplateBuilder = () => ({
  subtitle: 'uppfoljning',
  chapters: [section('sammanfattning', 'Sammanfattning', [{ kind: 'text', text: 'Ej klar.' }])],
});
