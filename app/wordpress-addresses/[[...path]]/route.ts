import { oldAddressRoute } from '@/app/(wordpress)/old-address';

/** `/` with one of WordPress's query keys (`/?p=123`, `/?cat=5`, `/?s=words`), which next.config.ts rewrites here. */
export const GET = oldAddressRoute('');
