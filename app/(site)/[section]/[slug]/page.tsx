import { placeholderParam } from '@/lib/params';
import { ArticleView, articleMetadata, type ArticleParams, loadArticle } from './article-view';
import { StaticComments } from './static-comments';

type Props = { params: ArticleParams };

export function generateStaticParams() {
  return [{ section: placeholderParam, slug: placeholderParam }];
}

export function generateMetadata(props: Props) {
  return articleMetadata(props.params);
}

/** `/{section}/{slug}`: the story and the first page of its comments, a static page for every reader. */
export default async function ArticlePage(props: Props) {
  const loaded = await loadArticle(props.params);
  return <ArticleView article={loaded.article} related={loaded.related} comments={<StaticComments loaded={loaded} page={1} />} />;
}
