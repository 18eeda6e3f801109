/** The app's own operations: the open database, recent files, jobs and the local user profile. */
import { defineOps } from '../api/ops';

export const appOps = defineOps({
  'app.info': (ws) => ws.info(),
  'db.recent': (ws) => ws.recent.list(),
  'db.open': (ws, { path }) => ws.open(path),
  'db.create': (ws, { path }) => ws.create(path),
  'db.openDemo': (ws) => ws.openDemo(),
  'db.choosePath': async (ws, { mode }) => ({ path: await ws.platform.choosePath(mode) }),
  'jobs.list': (ws) => ws.jobs.list(),
  'profile.get': (ws) => ({ profile: ws.profile.get(), author: ws.author() }),
  'profile.save': (ws, profile) => {
    ws.profile.save(profile);
    ws.db().committedElsewhere(['profile']);
    return { profile, author: ws.author() };
  },
});
