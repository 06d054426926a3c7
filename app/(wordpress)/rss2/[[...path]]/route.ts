import { oldAddressRoute } from '../../old-address';

/** `/rss2…`: an old WordPress address (../../old-address.ts). */
export const GET = oldAddressRoute('/rss2');
