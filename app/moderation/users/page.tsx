import type { Metadata } from 'next';
import { People } from './people';

export const metadata: Metadata = { title: 'People' };

// Read per request with the session, and rendered whole so that the forms work without JavaScript.
export const instant = false;

export default function UsersPage() {
  return <People />;
}
