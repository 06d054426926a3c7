import { placeholderParam } from '@/lib/params';
import { tagPage } from './tag-page';

type Props = { params: Promise<{ slug: string }> };

export function generateStaticParams() {
  return [{ slug: placeholderParam }];
}

export async function generateMetadata(props: Props) {
  const { slug } = await props.params;
  return tagPage.metadata(slug);
}

export default async function Page(props: Props) {
  const { slug } = await props.params;
  return <tagPage.Page slug={slug} />;
}
