import type { Metadata } from 'next';
import { requireAdmin } from '@/auth';
import { ImportPage } from './import-page';

export const metadata: Metadata = { title: 'Import from WordPress' };

// Read per request with the session, and rendered whole so that the form works without JavaScript.
export const instant = false;

export default async function DeskImportPage() {
  // Checked here, before anything renders, so that the answer's status is 403 for a non-admin.
  await requireAdmin('/desk/import');
  return <ImportPage />;
}
