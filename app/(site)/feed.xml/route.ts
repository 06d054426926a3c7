import { siteFeed } from '../feed-routes';

/** `/feed.xml`: the latest stories in RSS 2.0. */
export const GET = siteFeed('rss');
