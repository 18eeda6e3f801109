import type { TemplateBuilder } from './types';
import { section } from '../common';

// Placeholder until the template is written.
export const medborgarlofte: TemplateBuilder = () => ({
  subtitle: 'medborgarlofte',
  chapters: [section('sammanfattning', 'Sammanfattning', [{ kind: 'text', text: 'Ej klar.' }])],
});
