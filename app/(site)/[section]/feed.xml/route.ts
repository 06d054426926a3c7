import { placeholderParam } from '@/lib/params';
import { sectionFeed } from '../../feed-routes';

export function generateStaticParams() {
  return [{ section: placeholderParam }];
}

/** `/{section}/feed.xml`: a section's latest stories in RSS 2.0; 404 for a section we do not have. */
export const GET = sectionFeed('rss');
