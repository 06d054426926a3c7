import type { Metadata } from 'next';
import { PrivacyRequests } from './privacy-requests';

export const metadata: Metadata = { title: 'Privacy' };

// Per person, rendered whole on each request so that the form works without JavaScript.
export const instant = false;

export default function PrivacyPage() {
  return <PrivacyRequests />;
}
