import type { Metadata } from 'next';
import { ImportPage } from './import-page';

export const metadata: Metadata = { title: 'Import from WordPress' };

// Read per request with the session, and rendered whole so that the form works without JavaScript.
export const instant = false;

export default function DeskImportPage() {
  return <ImportPage />;
}
