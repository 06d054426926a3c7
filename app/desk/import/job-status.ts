import type { wordpressImportStatuses } from '@/db/schema';

export const jobStatusNames: Record<(typeof wordpressImportStatuses)[number], string> = {
  queued: 'Waiting to start',
  running: 'Importing',
  done: 'Finished',
  failed: 'Stopped',
};
