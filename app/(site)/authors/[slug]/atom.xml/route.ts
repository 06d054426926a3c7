import { placeholderParam } from '@/lib/params';
import { authorFeed } from '../../../feed-routes';

export function generateStaticParams() {
  return [{ slug: placeholderParam }];
}

/** `/authors/{slug}/atom.xml`: an author's latest stories in Atom; 404 for an author we do not have. */
export const GET = authorFeed('atom');
