import { siteFeed } from '../feed-routes';

/** `/atom.xml`: the latest stories in Atom. */
export const GET = siteFeed('atom');
