/** Every report template by name. */
import type { ReportTemplate } from '../../../shared/report';
import type { TemplateBuilder } from './types';
import { lagesbild } from './lagesbild';
import { medborgarlofte } from './medborgarlofte';
import { uppfoljning } from './uppfoljning';
import { medborgare } from './medborgare';
import { atgardsplan } from './atgardsplan';
import { overenskommelse } from './overenskommelse';

export const TEMPLATES: Record<ReportTemplate, TemplateBuilder> = {
  lagesbild,
  medborgarlofte,
  uppfoljning,
  medborgare,
  atgardsplan,
  overenskommelse,
};
