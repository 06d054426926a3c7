import { oldAddressRoute } from '@/app/(wordpress)/old-address';

/** `/comments/feed`: WordPress's feed of every comment (app/(wordpress)/old-address.ts). */
export const GET = oldAddressRoute('/comments/feed');
