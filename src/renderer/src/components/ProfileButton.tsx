import { useState } from 'react';
import { USER_ROLE_LABELS } from '../../../shared/profile';
import { ProfileDialog } from './ProfileDialog';
import { useOp } from '../lib/queries';

/** The header's "who am I": opens the profile; at first start (no profile yet) the question opens itself. */
export function ProfileButton() {
  const profile = useOp('profile.get', {});
  const [open, setOpen] = useState(false);
  if (!profile.data) return null;
  const { profile: p, author } = profile.data;
  return (
    <>
      <button
        type="button"
        className="secondary profile-button"
        title={
          p
            ? `${p.name}, ${USER_ROLE_LABELS[p.role]}${p.organisation ? `, ${p.organisation}` : ''}: ändra din profil`
            : 'Ange vem du är'
        }
        aria-label={p ? `Din profil: ${p.name}, ${USER_ROLE_LABELS[p.role]}` : 'Ange vem du är'}
        onClick={() => setOpen(true)}
        data-testid="profile-button"
      >
        {p ? p.name : 'Vem är du?'}
      </button>
      {(open || !p) && (
        <ProfileDialog current={p} fallbackName={author.name} onClose={p ? () => setOpen(false) : null} />
      )}
    </>
  );
}
