import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { JobProgress } from '../../../shared/domain';
import { call, onAppEvent } from './client';

/**
 * Listens to the app's events: refreshes cached queries when data changes and keeps the
 * progress of long-running jobs for the progress bar.
 */
export function useAppEvents(onIncidentsChanged: () => void): JobProgress[] {
  const queryClient = useQueryClient();
  const [jobs, setJobs] = useState<Map<string, JobProgress>>(new Map());

  useEffect(() => {
    let alive = true;
    // Jobs that started before this window connected (e.g. first-start seeding).
    void call('jobs.list', {}).then((list) => {
      if (alive) setJobs(new Map(list.filter((j) => !j.finished).map((j) => [j.jobId, j])));
    });
    const off = onAppEvent((event) => {
      if (event.type === 'job.progress') {
        setJobs((prev) => {
          const next = new Map(prev);
          if (event.progress.finished && !event.progress.error) next.delete(event.progress.jobId);
          else next.set(event.progress.jobId, event.progress);
          return next;
        });
      } else if (event.type === 'data.changed') {
        void queryClient.invalidateQueries();
        onIncidentsChanged();
      }
    });
    return () => {
      alive = false;
      off();
    };
  }, [queryClient, onIncidentsChanged]);

  return [...jobs.values()];
}
