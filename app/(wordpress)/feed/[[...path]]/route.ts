import { oldAddressRoute } from '../../old-address';

/** `/feed…`: an old WordPress address (../../old-address.ts). */
export const GET = oldAddressRoute('/feed');
