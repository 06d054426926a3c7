import { placeholderParam } from '@/lib/params';
import { authorPage } from '../../author-page';

type Props = { params: Promise<{ slug: string; page: string }> };

export function generateStaticParams() {
  return [{ slug: placeholderParam, page: placeholderParam }];
}

export async function generateMetadata(props: Props) {
  const { slug, page } = await props.params;
  return authorPage.metadata(slug, page);
}

export default async function PageN(props: Props) {
  const { slug, page } = await props.params;
  return <authorPage.Page slug={slug} page={page} />;
}
