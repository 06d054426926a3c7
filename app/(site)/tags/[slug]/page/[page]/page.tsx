import { placeholderParam } from '@/lib/params';
import { tagPage } from '../../tag-page';

type Props = { params: Promise<{ slug: string; page: string }> };

export function generateStaticParams() {
  return [{ slug: placeholderParam, page: placeholderParam }];
}

export async function generateMetadata(props: Props) {
  const { slug, page } = await props.params;
  return tagPage.metadata(slug, page);
}

export default async function PageN(props: Props) {
  const { slug, page } = await props.params;
  return <tagPage.Page slug={slug} page={page} />;
}
