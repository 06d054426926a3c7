import { oldAddressRoute } from '../../old-address';

/** `/page…`: an old WordPress address (../../old-address.ts). */
export const GET = oldAddressRoute('/page');
