import { serializeJsonLd } from '@/lib/structured-data';

/** Structured data for search engines; the JSON has every `<` escaped, so text cannot end the script. */
export function JsonLd({ data }: { data: object }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
