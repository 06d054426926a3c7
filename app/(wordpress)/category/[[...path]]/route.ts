import { oldAddressRoute } from '../../old-address';

/** `/category…`: an old WordPress address (../../old-address.ts). */
export const GET = oldAddressRoute('/category');
