import type { Metadata } from 'next';
import { SectionPage } from '../section-page';

export const metadata: Metadata = { title: 'New section' };

// Read per request with the session, and rendered whole so that the form works without JavaScript.
export const instant = false;

export default function NewSectionPage() {
  return <SectionPage id={null} />;
}
