import { describe, expect, it } from 'vitest';
import { parseOldAddress, type PostKey, type PostView } from './old-addresses';

function parse(url: string) {
  const [pathname = '', query = ''] = url.split('?');
  return parseOldAddress(pathname, new URLSearchParams(query));
}

const story = { view: 'story' } as const;
const post = (keys: PostKey[], view: PostView = story) => ({ kind: 'post', keys, view });
const term = (taxonomy: string, key: object, feed: string | null = null, page = 1) => ({ kind: 'term', taxonomy, key, feed, page });

describe('parseOldAddress: posts by their pretty permalinks', () => {
  it.each([
    ['/2025/02/12/my-story', [{ path: '/2025/02/12/my-story' }, { slug: 'my-story' }]],
    ['/2025/02/my-story', [{ path: '/2025/02/my-story' }, { slug: 'my-story' }]],
    ['/my-story', [{ path: '/my-story' }, { slug: 'my-story' }]],
    ['/politics/my-story', [{ path: '/politics/my-story' }, { slug: 'my-story' }]],
    ['/news/uk/my-story', [{ path: '/news/uk/my-story' }, { slug: 'my-story' }]],
    // Decoded and lower-cased, as oldPath() stores it; the trailing slash Next has already taken off.
    ['/2025/02/12/%C3%89t%C3%A9-Story/', [{ path: '/2025/02/12/été-story' }, { slug: 'été-story' }]],
    // The second page of a post split in pages, or a structure ending in its id: the exact path first.
    ['/my-story/2', [{ path: '/my-story/2' }, { path: '/my-story' }, { slug: 'my-story' }]],
    ['/archives/my-story', [{ path: '/archives/my-story' }, { slug: 'my-story' }]],
  ])('%s', (url, keys) => {
    expect(parse(url)).toEqual(post(keys));
  });

  it('reads /archives/123 as a post id, with its comment pages and feed', () => {
    expect(parse('/archives/123')).toEqual(post([{ wpId: 123 }]));
    expect(parse('/archives/123/2')).toEqual(post([{ wpId: 123 }]));
    expect(parse('/archives/123/comment-page-3')).toEqual(post([{ wpId: 123 }], { view: 'comments', page: 3 }));
    expect(parse('/archives/123/feed')).toEqual(post([{ wpId: 123 }], { view: 'feed' }));
  });

  it("reads a post's comment page and feed from the end of any structure", () => {
    expect(parse('/my-story/comment-page-2')).toEqual(post([{ path: '/my-story' }, { slug: 'my-story' }], { view: 'comments', page: 2 }));
    expect(parse('/2025/02/12/my-story/comment-page-2/')).toEqual(
      post([{ path: '/2025/02/12/my-story' }, { slug: 'my-story' }], { view: 'comments', page: 2 }),
    );
    for (const feed of ['/feed', '/feed/', '/feed/rss2', '/feed/atom', '/rss2', '/atom']) {
      expect(parse(`/2025/02/12/my-story${feed}`), feed).toEqual(post([{ path: '/2025/02/12/my-story' }, { slug: 'my-story' }], { view: 'feed' }));
    }
  });

  it('leaves date archives and malformed paths alone', () => {
    expect(parse('/2025')).toBeNull();
    expect(parse('/2025/02')).toBeNull();
    expect(parse('/2025/02/12')).toBeNull();
    expect(parse('/2025/02/page/2')).toBeNull();
    expect(parse('/my-story/page/2')).toBeNull();
    expect(parse('/a//b')).toBeNull();
    expect(parse(`/${'x'.repeat(201)}`)).toBeNull();
    expect(parse('/archives/0')).toBeNull();
  });
});

describe('parseOldAddress: plain permalinks', () => {
  it('reads ?p= with its comment page and feed', () => {
    expect(parse('/?p=123')).toEqual(post([{ wpId: 123 }]));
    expect(parse('/?p=123&cpage=2')).toEqual(post([{ wpId: 123 }], { view: 'comments', page: 2 }));
    expect(parse('/?p=123&feed=rss2')).toEqual(post([{ wpId: 123 }], { view: 'feed' }));
    expect(parse('/?p=123&page=2')).toEqual(post([{ wpId: 123 }]));
    expect(parse('/?p=123&cpage=0')).toEqual(post([{ wpId: 123 }]));
    expect(parse('/?name=My-Story')).toEqual(post([{ slug: 'my-story' }]));
  });

  it('has nowhere to send a page, an attachment or a broken id', () => {
    expect(parse('/?page_id=7')).toBeNull();
    expect(parse('/?attachment_id=7')).toBeNull();
    expect(parse('/?p=abc')).toBeNull();
    expect(parse('/?p=')).toBeNull();
    expect(parse('/?p=-1')).toBeNull();
    expect(parse('/')).toBeNull();
    expect(parse('/?utm_source=x')).toBeNull();
  });

  it('reads categories, tags and authors by number or slug', () => {
    expect(parse('/?cat=5')).toEqual(term('category', { wpId: 5 }));
    expect(parse('/?cat=5&feed=atom')).toEqual(term('category', { wpId: 5 }, 'atom'));
    expect(parse('/?cat=5&paged=3')).toEqual(term('category', { wpId: 5 }, null, 3));
    expect(parse('/?cat=-5')).toBeNull();
    expect(parse('/?cat=1,2')).toBeNull();
    expect(parse('/?category_name=world/europe')).toEqual(term('category', { slug: 'europe' }));
    expect(parse('/?tag=Budget')).toEqual(term('post_tag', { slug: 'budget' }));
    expect(parse('/?tag=budget,tax')).toEqual(term('post_tag', { slug: 'budget' }));
    expect(parse('/?tag_id=9')).toEqual(term('post_tag', { wpId: 9 }));
    expect(parse('/?author=2')).toEqual(term('author', { wpId: 2 }));
    expect(parse('/?author=2&feed=rss2')).toEqual(term('author', { wpId: 2 }, 'rss'));
    expect(parse('/?author_name=ada')).toEqual(term('author', { slug: 'ada' }));
  });

  it('reads a search, the feeds and the home pages', () => {
    expect(parse('/?s=budget+tax')).toEqual({ kind: 'search', words: 'budget tax', page: 1 });
    expect(parse('/?s=%20')).toEqual({ kind: 'search', words: '', page: 1 });
    expect(parse('/?s=tax&paged=2')).toEqual({ kind: 'search', words: 'tax', page: 2 });
    expect(parse('/?feed=rss2')).toEqual({ kind: 'feed', feed: 'rss', comments: false });
    expect(parse('/?feed=atom')).toEqual({ kind: 'feed', feed: 'atom', comments: false });
    expect(parse('/?feed=comments-rss2')).toEqual({ kind: 'feed', feed: 'rss', comments: true });
    expect(parse('/?paged=2')).toEqual({ kind: 'home', page: 2 });
  });
});

describe('parseOldAddress: archives and feeds by path', () => {
  it('reads category, tag and author archives, their feeds and pages', () => {
    expect(parse('/category/news')).toEqual(term('category', { slug: 'news' }));
    expect(parse('/category/world/europe/')).toEqual(term('category', { slug: 'europe' }));
    expect(parse('/category/news/feed')).toEqual(term('category', { slug: 'news' }, 'rss'));
    expect(parse('/category/news/feed/atom')).toEqual(term('category', { slug: 'news' }, 'atom'));
    expect(parse('/category/news/page/2')).toEqual(term('category', { slug: 'news' }, null, 2));
    expect(parse('/archives/category/news')).toEqual(term('category', { slug: 'news' }));
    expect(parse('/tag/budget')).toEqual(term('post_tag', { slug: 'budget' }));
    expect(parse('/tag/budget/feed')).toEqual(term('post_tag', { slug: 'budget' }, 'rss'));
    expect(parse('/author/ada')).toEqual(term('author', { slug: 'ada' }));
    expect(parse('/author/ada/feed')).toEqual(term('author', { slug: 'ada' }, 'rss'));
    expect(parse('/category')).toBeNull();
    expect(parse('/tag/a/b')).toBeNull();
    expect(parse('/category/news/comment-page-2')).toBeNull();
  });

  it("reads the site's feeds, its comments feed, a search and the home pages", () => {
    for (const path of ['/feed', '/feed/rss2', '/feed/rss', '/feed/rdf', '/rss', '/rss2', '/rdf']) {
      expect(parse(path), path).toEqual({ kind: 'feed', feed: 'rss', comments: false });
    }
    expect(parse('/feed/atom')).toEqual({ kind: 'feed', feed: 'atom', comments: false });
    expect(parse('/atom')).toEqual({ kind: 'feed', feed: 'atom', comments: false });
    expect(parse('/comments/feed')).toEqual({ kind: 'feed', feed: 'rss', comments: true });
    expect(parse('/comments/feed/atom')).toEqual({ kind: 'feed', feed: 'atom', comments: true });
    expect(parse('/comments')).toBeNull();
    expect(parse('/search/budget+tax')).toEqual({ kind: 'search', words: 'budget tax', page: 1 });
    expect(parse('/search/budget/page/2')).toEqual({ kind: 'search', words: 'budget', page: 2 });
    expect(parse('/page/2')).toEqual({ kind: 'home', page: 2 });
  });
});
