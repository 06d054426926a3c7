import { oldAddressRoute } from '../../old-address';

/** `/archives…`: an old WordPress address (../../old-address.ts). */
export const GET = oldAddressRoute('/archives');
