-- Written by hand: drizzle-kit cannot express functions or triggers (`drizzle-kit generate --custom`).
-- `articles.search` is a generated column, and a generated column may only read its own row; the
-- byline names it indexes (as SQLite's `articles_fts` does) come from article_authors and authors.
-- These triggers copy them into `articles.search_bylines` (names joined with ", " in byline order,
-- as SQLite's `articles_search` holds them), and the generated column follows. They fire once per
-- statement, over its transition tables, so a bulk insert (`npm run db:copy`) updates each story once.
CREATE FUNCTION "articles_refresh_search_bylines"(article_ids integer[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE "articles" SET "search_bylines" = "names"."joined"
  FROM (
    SELECT "a"."id", coalesce(string_agg("au"."name", ', ' ORDER BY "aa"."position", "aa"."author_id"), '') AS "joined"
    FROM "articles" "a"
    LEFT JOIN "article_authors" "aa" ON "aa"."article_id" = "a"."id"
    LEFT JOIN "authors" "au" ON "au"."id" = "aa"."author_id"
    WHERE "a"."id" = ANY(article_ids)
    GROUP BY "a"."id"
  ) AS "names"
  WHERE "articles"."id" = "names"."id" AND "articles"."search_bylines" IS DISTINCT FROM "names"."joined";
$$;
--> statement-breakpoint
CREATE FUNCTION "article_authors_search_bylines"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "articles_refresh_search_bylines"(ARRAY(SELECT DISTINCT "article_id" FROM "new_rows"));
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "articles_refresh_search_bylines"(ARRAY(SELECT DISTINCT "article_id" FROM "old_rows"));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "article_authors_search_insert" AFTER INSERT ON "article_authors"
REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "article_authors_search_bylines"();
--> statement-breakpoint
CREATE TRIGGER "article_authors_search_update" AFTER UPDATE ON "article_authors"
REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "article_authors_search_bylines"();
--> statement-breakpoint
CREATE TRIGGER "article_authors_search_delete" AFTER DELETE ON "article_authors"
REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "article_authors_search_bylines"();
--> statement-breakpoint
CREATE FUNCTION "authors_search_bylines"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "articles_refresh_search_bylines"(ARRAY(
    SELECT DISTINCT "aa"."article_id" FROM "article_authors" "aa"
    JOIN "new_rows" "n" ON "n"."id" = "aa"."author_id"
    JOIN "old_rows" "o" ON "o"."id" = "n"."id"
    WHERE "o"."name" IS DISTINCT FROM "n"."name"
  ));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "authors_search_rename" AFTER UPDATE ON "authors"
REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "authors_search_bylines"();
