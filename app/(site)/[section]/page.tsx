import { placeholderParam } from '@/lib/params';
import { sectionFront } from './section-front';

type Props = { params: Promise<{ section: string }> };

export function generateStaticParams() {
  return [{ section: placeholderParam }];
}

export async function generateMetadata(props: Props) {
  const { section } = await props.params;
  return sectionFront.metadata(section);
}

export default async function SectionPage(props: Props) {
  const { section } = await props.params;
  return <sectionFront.Page slug={section} />;
}
