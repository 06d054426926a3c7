import { oldAddressRoute } from '../../old-address';

/** `/tag…`: an old WordPress address (../../old-address.ts). */
export const GET = oldAddressRoute('/tag');
