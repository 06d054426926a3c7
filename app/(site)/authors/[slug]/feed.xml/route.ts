import { placeholderParam } from '@/lib/params';
import { authorFeed } from '../../../feed-routes';

export function generateStaticParams() {
  return [{ slug: placeholderParam }];
}

/** `/authors/{slug}/feed.xml`: an author's latest stories in RSS 2.0; 404 for an author we do not have. */
export const GET = authorFeed('rss');
