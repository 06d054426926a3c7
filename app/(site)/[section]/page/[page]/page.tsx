import { placeholderParam } from '@/lib/params';
import { sectionFront } from '../../section-front';

type Props = { params: Promise<{ section: string; page: string }> };

export function generateStaticParams() {
  return [{ section: placeholderParam, page: placeholderParam }];
}

export async function generateMetadata(props: Props) {
  const { section, page } = await props.params;
  return sectionFront.metadata(section, page);
}

export default async function SectionPageN(props: Props) {
  const { section, page } = await props.params;
  return <sectionFront.Page slug={section} page={page} />;
}
