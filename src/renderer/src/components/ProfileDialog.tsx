import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { PROFILE_LIMITS, USER_ROLES, USER_ROLE_LABELS, type UserProfile, type UserRole } from '../../../shared/profile';
import { ApiCallError, call } from '../lib/client';
import { Field } from './Field';
import { invalidateOp } from '../lib/queries';

interface Props {
  /** The profile kept now; null at first start. */
  current: UserProfile | null;
  /** Who writes are recorded as until a profile is saved (the system user name). */
  fallbackName: string;
  /** Null at first start: the question must be answered (Escape does nothing). */
  onClose: (() => void) | null;
}

/**
 * Who is using Lägesbild on this computer: asked at first start, changeable from the header. Comments,
 * decisions, history and åtgärder carry this name instead of one typed each time.
 */
export function ProfileDialog({ current, fallbackName, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const queryClient = useQueryClient();
  const [name, setName] = useState(current?.name ?? '');
  const [organisation, setOrganisation] = useState(current?.organisation ?? '');
  const [role, setRole] = useState<UserRole | ''>(current?.role ?? '');
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const save = useMutation({
    mutationFn: () => call('profile.save', { name, organisation, role: role as UserRole }),
    onSuccess: () => {
      void invalidateOp(queryClient, 'profile.get');
      onClose?.();
    },
  });
  const issues = save.error instanceof ApiCallError ? (save.error.error.details?.issues ?? []) : [];
  const issue = (field: string) => issues.find((i) => i.field === field)?.message;
  return (
    <dialog
      ref={ref}
      className="confirm profile-dialog"
      aria-labelledby="profile-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose?.();
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <h2 id="profile-title">{current ? 'Din profil' : 'Välkommen! Vem använder Lägesbild?'}</h2>
        <p>
          Namnet följer med kommentarer, beslut, historik och åtgärder du registrerar. Det sparas bara på den här
          datorn.{!current && ` Tills du fyller i det skrivs ändringar som ”${fallbackName}”.`}
        </p>
        <Field id="profile-name" label={`Namn (högst ${PROFILE_LIMITS.name} tecken)`} error={issue('name')}>
          {(p) => (
            <input
              {...p}
              value={name}
              maxLength={PROFILE_LIMITS.name}
              autoComplete="name"
              autoFocus
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="profile-org"
          label={`Organisation (högst ${PROFILE_LIMITS.organisation} tecken)`}
          error={issue('organisation')}
        >
          {(p) => (
            <input
              {...p}
              value={organisation}
              maxLength={PROFILE_LIMITS.organisation}
              placeholder="t.ex. Klippans kommun eller LPO Klippan"
              onChange={(e) => setOrganisation(e.target.value)}
            />
          )}
        </Field>
        <Field id="profile-role" label="Roll" error={issue('role')}>
          {(p) => (
            <select {...p} value={role} onChange={(e) => setRole(e.target.value as UserRole | '')}>
              <option value="">Välj roll…</option>
              {USER_ROLES.map((r) => (
                <option key={r} value={r}>
                  {USER_ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {save.error && !issues.length && (
          <p className="field-error" role="alert">
            {save.error.message}
          </p>
        )}
        <div className="actions">
          {onClose && (
            <button type="button" className="secondary" onClick={onClose}>
              Avbryt
            </button>
          )}
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? 'Sparar…' : 'Spara profilen'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
