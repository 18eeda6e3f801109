/** Reports: stored reports, their documents, personal-data review, preview and export. */
import { AppError } from '../../shared/errors';
import { defineOps } from '../api/ops';

const notYet = (): never => {
  throw new AppError('unsupported', 'Rapporter är inte klara ännu.');
};

export const reportOps = defineOps({
  'reports.list': notYet,
  'reports.get': notYet,
  'reports.document': notYet,
  'reports.create': notYet,
  'reports.save': notYet,
  'reports.decide': notYet,
  'reports.newVersion': notYet,
  'reports.pii': notYet,
  'reports.preview': notYet,
  'reports.export': notYet,
});
