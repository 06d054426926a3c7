import { oldAddressRoute } from '../../old-address';

/** `/atom…`: an old WordPress address (../../old-address.ts). */
export const GET = oldAddressRoute('/atom');
