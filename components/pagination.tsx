function pageHref(basePath: string, page: number) {
  return page === 1 ? basePath : `${basePath}?page=${page}`;
}

/**
 * Page links for a list: previous, numbers, next. Public URLs carry `?page=N`, which the server
 * rewrites to a page of its own; these are plain links because the client router would otherwise
 * take `?page=2` for the page it already shows (the page component never reads search params).
 */
export function Pagination({ basePath, page, pageCount }: { basePath: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1).filter(
    (n) => n === 1 || n === pageCount || Math.abs(n - page) <= 2,
  );
  return (
    <nav aria-label="Pagination" className="pagination">
      {page > 1 ? (
        <a href={pageHref(basePath, page - 1)} rel="prev">
          ← Newer
        </a>
      ) : null}
      <ul>
        {pages.map((n, i) => (
          <li key={n}>
            {i > 0 && n - pages[i - 1]! > 1 ? <span aria-hidden="true">…</span> : null}
            {n === page ? (
              <span aria-current="page">{n}</span>
            ) : (
              <a href={pageHref(basePath, n)} aria-label={`Page ${n}`}>
                {n}
              </a>
            )}
          </li>
        ))}
      </ul>
      {page < pageCount ? (
        <a href={pageHref(basePath, page + 1)} rel="next">
          Older →
        </a>
      ) : null}
    </nav>
  );
}
