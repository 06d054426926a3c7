import type { Metadata } from 'next';
import { BylinePage } from '../byline-page';

export const metadata: Metadata = { title: 'New byline' };

// Read per request with the session, and rendered whole so that the form works without JavaScript.
export const instant = false;

export default function NewBylinePage() {
  return <BylinePage id={null} />;
}
