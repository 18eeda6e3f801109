/** The Ny rapport form's state and how it becomes the op's selection and edits (checked as core checks them). */
import {
  EMPTY_EDITS,
  PUBLIC_TEMPLATES,
  type FollowUpKind,
  type ReportEdits,
  type ReportLogo,
  type ReportSelection,
  type ReportTemplate,
} from '../../../../shared/report';
import { reportEditsSchema, reportSelectionSchema } from '../../../../shared/report-api';
import { areaFromValue, issuesOfZod, yearPeriod, type FieldIssues } from './model';

export interface NewReportForm {
  template: ReportTemplate;
  /** `areaValue`: "k:1276" or "l:Klippan"; '' for none chosen. */
  area: string;
  from: string;
  to: string;
  lofteId: number | null;
  followUpKind: FollowUpKind | '';
  agreementId: number | null;
  publication: boolean;
  title: string;
  diarienummer: string;
  logo: ReportLogo | null;
}

export function initialForm(area: string, year = new Date().getFullYear()): NewReportForm {
  return {
    template: 'lagesbild',
    area,
    ...yearPeriod(year),
    lofteId: null,
    followUpKind: '',
    agreementId: null,
    publication: false,
    title: '',
    diarienummer: '',
    logo: null,
  };
}

/** Which of the template's own fields the form shows. */
export const usesLofte = (t: ReportTemplate) => t === 'medborgarlofte' || t === 'uppfoljning';
export const usesAgreement = (t: ReportTemplate) => t === 'overenskommelse';
export const isPublicTemplate = (t: ReportTemplate) => PUBLIC_TEMPLATES.includes(t);

/** The selection as the op takes it: only the fields the chosen template uses. */
export function selectionOf(f: NewReportForm): Partial<ReportSelection> {
  const area = areaFromValue(f.area);
  return {
    template: f.template,
    ...(area ? { area } : {}),
    from: f.from,
    to: f.to,
    ...(usesLofte(f.template) && f.lofteId !== null ? { lofteId: f.lofteId } : {}),
    ...(f.template === 'uppfoljning' && f.followUpKind ? { followUpKind: f.followUpKind } : {}),
    ...(usesAgreement(f.template) && f.agreementId !== null ? { agreementId: f.agreementId } : {}),
    ...(!isPublicTemplate(f.template) && f.publication ? { publication: true } : {}),
  };
}

export function editsOf(f: NewReportForm): ReportEdits {
  return { ...EMPTY_EDITS, title: f.title.trim(), diarienummer: f.diarienummer.trim(), logo: f.logo };
}

/** The form checked with the op's own schemas: a message per field, or the values ready to send. */
export function checkForm(
  f: NewReportForm,
): { ok: true; selection: ReportSelection; edits: ReportEdits } | { ok: false; issues: FieldIssues } {
  const sel = reportSelectionSchema.safeParse(selectionOf(f));
  const edits = reportEditsSchema.safeParse(editsOf(f));
  if (sel.success && edits.success) return { ok: true, selection: sel.data, edits: edits.data };
  return {
    ok: false,
    issues: { ...(edits.success ? {} : issuesOfZod(edits.error)), ...(sel.success ? {} : issuesOfZod(sel.error)) },
  };
}
