import { oldAddressRoute } from '../../old-address';

/** `/rdf…`: an old WordPress address (../../old-address.ts). */
export const GET = oldAddressRoute('/rdf');
