import { oldAddressRoute } from '../../old-address';

/** `/author…`: an old WordPress address (../../old-address.ts). */
export const GET = oldAddressRoute('/author');
