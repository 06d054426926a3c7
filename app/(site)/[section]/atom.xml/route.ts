import { placeholderParam } from '@/lib/params';
import { sectionFeed } from '../../feed-routes';

export function generateStaticParams() {
  return [{ section: placeholderParam }];
}

/** `/{section}/atom.xml`: a section's latest stories in Atom; 404 for a section we do not have. */
export const GET = sectionFeed('atom');
