import { oldAddressRoute } from '../../old-address';

/** `/rss…`: an old WordPress address (../../old-address.ts). */
export const GET = oldAddressRoute('/rss');
