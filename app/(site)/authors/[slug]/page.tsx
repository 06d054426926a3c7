import { placeholderParam } from '@/lib/params';
import { authorPage } from './author-page';

type Props = { params: Promise<{ slug: string }> };

export function generateStaticParams() {
  return [{ slug: placeholderParam }];
}

export async function generateMetadata(props: Props) {
  const { slug } = await props.params;
  return authorPage.metadata(slug);
}

export default async function Page(props: Props) {
  const { slug } = await props.params;
  return <authorPage.Page slug={slug} />;
}
