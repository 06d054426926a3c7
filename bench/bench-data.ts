/**
 * The large site the benchmarks run against: 10,000 stories, 200,000 approved comments with a long
 * tail (one 2,000-comment thread, twenty of 500–1,500, the rest 0–30) and 5,000 held for moderation.
 * Content comes from a seeded PRNG, so one seed always gives the same site; only the timestamps move
 * with `now`. Written with prepared statements in big transactions, since Drizzle row by row would
 * take minutes. No 'server-only': `bench/generate.ts` runs it outside Next.
 */
import slugify from '@sindresorhus/slugify';
import { upsertUser } from '../db/users';
import type { Db } from '../db/client';
import * as content from '../db/seed-content';

export type LargeSiteOptions = {
  /** The bench admin's password (the account is bench-admin@example.com). */
  adminPassword: string;
  seed?: number;
  /** The moment the site is generated at; pass it too for byte-identical output. */
  now?: Date;
};

export type LargeSiteSummary = {
  counts: Record<string, number>;
  leadPath: string;
  longThreadPath: string;
  /** Milliseconds per phase. */
  timings: Record<string, number>;
};

export const BENCH_ADMIN_EMAIL = 'bench-admin@example.com';
export const LEAD_SLUG = 'bench-lead-story';
export const LONG_THREAD_SLUG = 'bench-long-thread';

const PUBLISHED = 10_000;
const DRAFTS = 12;
const AUTHORS = 50;
const TAGS = 300;
const APPROVED = 200_000;
const PENDING = 5_000;
const LONG_THREAD = { approved: 2_000, topLevel: 400, pending: 150 };
const BUSY_THREADS = { count: 20, min: 500, max: 1_500 };
const QUIET_MAX = 30;
const MAX_DEPTH = 5;
const COMMENTERS = 15_000;
const NEWCOMERS = 4_000;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MANUAL_APPROVAL = JSON.stringify({ rule: 'manual-approval' });

// ---------------------------------------------------------------- randomness

/** mulberry32: tiny, fast and good enough to make test data; the same seed gives the same stream. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  /** An index in [0, n) that favours the start: the higher the power, the longer the tail. */
  const skewed = (n: number, power: number) => Math.floor(n * next() ** power);
  return { next, int, pick, skewed, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;

// ---------------------------------------------------------------- word lists

const words = (list: string) => list.trim().split(/\s+/);
const FIRST_NAMES = words(`Ada Aisha Alejandro Amara Anders Anika Ben Carlos Chloe Dan Daniel Elena Emeka Fatima
  Felix Grace Hannah Hiroshi Inès Isaac Jakub Jamal Jana Jonas Julia Kai Kemal Lars Layla Leo Lucía Mara Marek
  Maria Mateo Mei Miguel Nadia Noah Nora Olga Omar Pablo Priya Rafael Rosa Ruth Samir Sara Sofia Tariq Tom Tomasz
  Valentina Wei Yusuf Zara Zofia Gareth Siobhan Ingrid Kwame Aoife Dmitri Beatriz Henrik Leila`);
const LAST_NAMES = words(`Abbott Adeyemi Alvarez Andersen Bauer Becker Brennan Castro Chen Costa Dahl Das Dubois
  Eriksen Fischer Fontaine García Gupta Hall Hansen Haddad Ito Jensen Kaur Keller Kim Kowalski Larsen Lindqvist
  López Mbeki Mercer Moreau Murphy Nakamura Novak Nowak Okafor Olsen Park Patel Petrov Quinn Rossi Santos Schmidt
  Silva Singh Sokolov Tanaka Torres Varga Walsh Weber Wiśniewski Yılmaz Young Zhang Ziegler O’Brien Mensah`);
const PLACES = [
  'Berlin', 'Brussels', 'Paris', 'London', 'Washington', 'Beijing', 'Tokyo', 'Delhi', 'Kyiv', 'Warsaw', 'Madrid',
  'Rome', 'Ottawa', 'Mexico City', 'Nairobi', 'Lagos', 'Cairo', 'Istanbul', 'Seoul', 'Jakarta', 'Brasília',
  'Canberra', 'Geneva', 'Vienna', 'Stockholm', 'Helsinki', 'Oslo', 'Dublin', 'Lisbon', 'Athens', 'Budapest',
  'Prague', 'Tallinn', 'Riga', 'Vilnius', 'Ankara', 'Riyadh', 'Doha', 'Taipei', 'Manila', 'Hanoi', 'Bangkok',
  'Singapore', 'Johannesburg', 'Addis Ababa', 'Buenos Aires', 'Santiago', 'Bogotá', 'Lima', 'Toronto',
];
const TOPICS = [
  'Ukraine', 'Russia', 'China', 'European Union', 'Nato', 'Diplomacy', 'US politics', 'Congress', 'Supreme Court',
  'Elections', 'Trade', 'Tariffs', 'Interest rates', 'Inflation', 'Central banks', 'Bond markets', 'Stock markets',
  'Oil', 'Gas', 'Energy', 'Climate', 'Renewables', 'Nuclear power', 'Artificial intelligence', 'Semiconductors',
  'Big Tech', 'Cybersecurity', 'Privacy', 'Social media', 'Space', 'Defence', 'Migration', 'Housing', 'Health',
  'Pharmaceuticals', 'Education', 'Labour', 'Strikes', 'Pensions', 'Taxes', 'Budget', 'Debt', 'Banking',
  'Cryptocurrency', 'Startups', 'Mergers', 'Carmakers', 'Electric vehicles', 'Aviation', 'Shipping', 'Rail',
  'Agriculture', 'Food prices', 'Water', 'Wildfires', 'Floods', 'Drought', 'Heatwaves', 'Courts', 'Police',
  'Human rights', 'Refugees', 'Sanctions', 'Foreign aid', 'United Nations', 'G7', 'G20', 'Middle East',
  'Africa', 'Latin America', 'Asia-Pacific', 'Arctic', 'Telecoms', 'Media', 'Retail', 'Property', 'Tourism',
  'Sport', 'Culture', 'Science', 'Research', 'Universities', 'Transport', 'Infrastructure', 'Manufacturing',
  'Steel', 'Mining', 'Critical minerals', 'Supply chains', 'Productivity', 'Wages', 'Unemployment',
];
const TAG_QUALIFIERS = ['economy', 'elections', 'politics', 'energy', 'trade', 'security', 'protests'];
const NOUNS = words(`government minister economy market budget tariff election court ruling treaty ceasefire border
  pipeline reactor chip factory union strike pension inflation bond currency deficit parliament senate committee
  inquiry report survey poll coalition party leader official analyst investor regulator company startup bank
  lender exporter supplier port railway grid outage drought harvest hospital school university police army navy
  summit agreement proposal bill law policy strategy forecast quarter profit growth recession refinery satellite
  network platform algorithm model contract tender subsidy mandate referendum cabinet ministry watchdog`);
const PLURALS = words(`voters households companies investors officials lawmakers economists workers farmers
  exporters analysts residents diplomats regulators shareholders engineers nurses teachers commuters tenants`);
const ADJECTIVES = words(`new fragile sweeping modest sharp cautious bold contested lengthy unexpected quarterly
  annual regional federal national global domestic foreign rival senior former interim fresh narrow broad heavy
  steady rising falling delayed provisional landmark disputed`);
const VERBS_PAST = words(`announced approved rejected delayed proposed confirmed criticised defended questioned
  signed blocked extended reviewed raised cut expanded scrapped welcomed dismissed revised outlined unveiled
  postponed challenged`);
const VERBS = words(`approve reject delay revise block extend review raise cut expand scrap challenge finance`);
const PREPOSITIONS = ['in', 'across', 'outside', 'beyond', 'near', 'throughout'];
const CONNECTORS = ['However,', 'Meanwhile,', 'Still,', 'In practice,', 'For now,', 'By contrast,', 'Even so,', 'At the same time,', 'Privately,', 'On paper,'];
const SOURCES = [
  'officials said', 'according to people familiar with the talks', 'analysts said', 'a spokesperson confirmed',
  'figures published on Monday showed', 'the report found', 'diplomats said', 'investors noted',
];
const WHEN = ['this week', 'on Tuesday', 'before the summer', 'by the end of the year', 'within months', 'next quarter', 'last month'];
const MONTHS = words('January February March April May June July August September October November December');
const ROLES = [
  'a senior economist', 'the finance minister', 'a government spokesperson', 'an opposition leader',
  'a former ambassador', 'the committee chair', 'a union organiser', 'a fund manager', 'a professor of politics',
];
const HEADLINE_SUBJECTS = [
  'Ministers', 'Regulators', 'The central bank', 'Lawmakers', 'Investors', 'Chipmakers', 'The White House',
  'European leaders', 'Unions', 'Shareholders', 'Election officials', 'Scientists', 'Carmakers', 'Energy firms',
  'Diplomats', 'The Senate', 'Startups', 'Banks', 'Governors', 'Courts',
];
const HEADLINE_VERBS = ['weigh', 'back', 'reject', 'delay', 'unveil', 'push for', 'warn over', 'clash over', 'agree on', 'probe', 'rethink', 'brace for', 'defend', 'scrap'];
const HEADLINE_THINGS = [
  'chip exports', 'interest rates', 'grid upgrades', 'steel tariffs', 'foreign aid', 'AI safety', 'border checks',
  'pension reform', 'housing supply', 'data centres', 'wind farms', 'rail subsidies', 'drug prices',
  'defence spending', 'fishing rights', 'bank capital', 'crypto trading', 'water supplies', 'student loans',
  'farm subsidies',
];
const HEADLINE_EVENTS = ['talks stall', 'a summit', 'the budget', 'a snap election', 'record heat', 'a court ruling', 'weak growth figures', 'a market sell-off', 'strikes spread', 'a cyberattack', 'an inquiry opens', 'prices rise'];
const COMMENT_OPENERS = [
  'Good reporting, but the piece skips over the {thing}.',
  'This is the clearest explanation of the {thing} I have read all year.',
  'I am not convinced the {thing} survives contact with {plural}.',
  'Anyone who lived through the last {noun} knows how this ends.',
  'The numbers in the third paragraph do not add up for me.',
  'Finally someone asks the {plural} what they think.',
  'We have heard this promise about the {thing} before.',
  'As one of the {plural} affected, I can say the mood here is grim.',
  'Interesting that nobody from {place} was quoted.',
  'The headline undersells how {adjective} this is.',
];
const COMMENT_FOLLOW_UPS = [
  'The {noun} was always going to be the sticking point.',
  'Watch what happens to {thing} over the next six months.',
  'I would like to see a follow-up on the {plural} in {place}.',
  'Nobody voted for a {adjective} {noun}.',
  'My family in {place} says the same thing.',
  'Credit where it is due: the {noun} handled this well.',
  'Same story every year, different names.',
  'It is the {plural} who end up paying, as usual.',
];
const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  'Mozilla/5.0 (iPad; CPU OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.7 Mobile/15E148 Safari/604.1',
];
const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com', 'post.example.org'];

// ---------------------------------------------------------------- text

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const personName = (rng: Rng) => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;

function fill(template: string, rng: Rng) {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'thing': return rng.pick(HEADLINE_THINGS);
      case 'plural': return rng.pick(PLURALS);
      case 'noun': return rng.pick(NOUNS);
      case 'place': return rng.pick(PLACES);
      case 'adjective': return rng.pick(ADJECTIVES);
      default: return slot;
    }
  });
}

function sentence(rng: Rng): string {
  const noun = () => rng.pick(NOUNS);
  const adjective = () => rng.pick(ADJECTIVES);
  const past = () => rng.pick(VERBS_PAST);
  switch (rng.int(0, 6)) {
    case 0:
      return `The ${adjective()} ${noun()} ${past()} the ${noun()} ${rng.pick(PREPOSITIONS)} ${rng.pick(PLACES)}, ${rng.pick(SOURCES)}.`;
    case 1:
      return `${rng.pick(CONNECTORS)} the ${noun()} ${past()} the ${adjective()} ${noun()}, and the ${noun()} ${past()} its ${noun()} ${rng.pick(WHEN)}.`;
    case 2:
      return `${personName(rng)}, ${rng.pick(ROLES)}, said the ${noun()} would ${rng.pick(VERBS)} the ${adjective()} ${noun()} ${rng.pick(WHEN)}.`;
    case 3:
      return `About ${rng.int(12, 88)} per cent of ${rng.pick(PLURALS)} ${past()} the ${noun()}, ${rng.pick(SOURCES)}.`;
    case 4:
      return `The ${noun()} has ${past()} ${rng.int(3, 40)} ${rng.pick(HEADLINE_THINGS)} plans since ${rng.pick(MONTHS)}, leaving ${rng.pick(PLURALS)} ${rng.pick(PREPOSITIONS)} ${rng.pick(PLACES)} uncertain.`;
    case 5:
      return `There was no immediate response from the ${noun()} in ${rng.pick(PLACES)}, where ${rng.pick(PLURALS)} ${past()} the ${adjective()} ${noun()}.`;
    default:
      return `${capitalize(rng.pick(PLURALS))} ${rng.pick(PREPOSITIONS)} ${rng.pick(PLACES)} say the ${adjective()} ${noun()} matters more than the ${noun()} ${rng.pick(WHEN)}.`;
  }
}

const wordCount = (text: string) => text.split(/\s+/).length;

/** 400–900 words of Markdown: paragraphs under `##` subheadings, one list and one quote. */
function articleBody(rng: Rng): string {
  const target = rng.int(400, 870); // paragraphs stop at the target, overshooting by a sentence at most
  const blocks: string[] = [];
  let count = 0;
  const add = (block: string) => {
    blocks.push(block);
    count += wordCount(block);
  };
  const paragraph = () => {
    const sentences = [sentence(rng)];
    for (let n = rng.int(2, 5); sentences.length < n && count + wordCount(sentences.join(' ')) < target; ) sentences.push(sentence(rng));
    add(sentences.join(' '));
  };
  paragraph();
  paragraph();
  let section = 0;
  while (count < target || section < 2) {
    section += 1;
    add(
      rng.pick([
        `## The ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`,
        `## What ${rng.pick(PLURALS)} want`,
        `## ${rng.pick(PLACES)} and the ${rng.pick(NOUNS)}`,
        `## Why the ${rng.pick(HEADLINE_THINGS)} matter`,
      ]),
    );
    paragraph();
    if (section === 1) {
      add(`> “${sentence(rng).replace(/\.$/, '')}” — ${personName(rng)}, ${rng.pick(ROLES)}`);
    } else if (section === 2) {
      const ordered = rng.chance(0.3);
      const items = Array.from(
        { length: rng.int(3, 5) },
        (_, i) => `${ordered ? `${i + 1}.` : '-'} ${capitalize(rng.pick(ADJECTIVES))} ${rng.pick(NOUNS)} ${rng.pick(PREPOSITIONS)} ${rng.pick(PLACES)}`,
      );
      add(items.join('\n'));
    }
    if (count < target && rng.chance(0.6)) paragraph();
  }
  return blocks.join('\n\n');
}

function headline(rng: Rng): string {
  const tail = rng.pick(['', ` as ${rng.pick(HEADLINE_EVENTS)}`, ` after ${rng.pick(HEADLINE_EVENTS)}`, ` in ${rng.pick(PLACES)}`]);
  return `${rng.pick(HEADLINE_SUBJECTS)} ${rng.pick(HEADLINE_VERBS)} ${rng.pick(ADJECTIVES)} ${rng.pick(HEADLINE_THINGS)}${tail}`;
}

function commentBody(rng: Rng): string {
  const sentences = [fill(rng.pick(COMMENT_OPENERS), rng)];
  const extra = rng.int(0, 3);
  for (let i = 0; i < extra; i++) sentences.push(fill(rng.pick(COMMENT_FOLLOW_UPS), rng));
  if (rng.chance(0.07)) sentences.push(`More background here: https://www.${rng.pick(EMAIL_DOMAINS)}/${slugify(rng.pick(HEADLINE_THINGS))}-${rng.int(10, 999)}`);
  if (sentences.length > 2 && rng.chance(0.3)) return `${sentences.slice(0, 2).join(' ')}\n\n${sentences.slice(2).join(' ')}`;
  return sentences.join(' ');
}

// ---------------------------------------------------------------- people

type Commenter = { name: string; email: string; url: string; ip: string; userAgent: string };

function commenters(rng: Rng, n: number, prefix: string): Commenter[] {
  return Array.from({ length: n }, (_, i) => {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const local = slugify(`${first} ${last}`, { separator: '.' });
    const ip = rng.chance(0.08)
      ? `2001:db8:${rng.int(0, 0xffff).toString(16)}::${rng.int(1, 0xffff).toString(16)}`
      : `${rng.pick([24, 31, 46, 62, 73, 81, 86, 92, 98, 109, 151, 176, 185, 188, 212, 217])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
    return {
      name: rng.chance(0.1) ? first : `${first} ${last}`,
      email: `${local}.${prefix}${i}@${rng.pick(EMAIL_DOMAINS)}`,
      url: rng.chance(0.15) ? `https://${local.replace('.', '')}.${rng.pick(EMAIL_DOMAINS)}/` : '',
      ip,
      userAgent: rng.pick(USER_AGENTS),
    };
  });
}

function uniqueNames(rng: Rng, n: number, make: () => string): string[] {
  const seen = new Set<string>();
  while (seen.size < n) seen.add(make());
  return [...seen];
}

// ---------------------------------------------------------------- the generator

type PlannedArticle = { id: number; publishedAt: number; comments: number };

/** Fills an empty, migrated database with the large benchmark site and returns what it wrote. */
export async function generateLargeSite(database: Db, options: LargeSiteOptions): Promise<LargeSiteSummary> {
  const sqlite = database.$client;
  const seed = options.seed ?? 1;
  const now = (options.now ?? new Date()).getTime();
  const rng = prng(seed);
  const timings: Record<string, number> = {};
  const time = <T>(phase: string, work: () => T): T => {
    const started = performance.now();
    const result = work();
    timings[phase] = Math.round(performance.now() - started);
    return result;
  };

  const existing = sqlite.prepare('select (select count(*) from sections) + (select count(*) from articles) + (select count(*) from comments) as n').get() as { n: number };
  if (existing.n > 0) throw new Error('generateLargeSite needs an empty database (migrated, never seeded)');

  const synchronous = sqlite.pragma('synchronous', { simple: true }) as number;
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  try {
    const planned = time('articles', () => sqlite.transaction(() => writeArticles(sqlite, rng, now))());
    time('comments', () => sqlite.transaction(() => writeComments(sqlite, prng(seed ^ 0x5eed), now, planned))());
  } finally {
    sqlite.pragma(`synchronous = ${synchronous}`);
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }

  const started = performance.now();
  await upsertUser(database, { email: BENCH_ADMIN_EMAIL, name: 'Bench Admin', role: 'admin', password: options.adminPassword });
  timings.admin = Math.round(performance.now() - started);

  time('analyze', () => {
    sqlite.exec('ANALYZE');
    sqlite.pragma('optimize');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  });
  return { ...summarize(sqlite), timings };
}

type Sqlite = Db['$client'];

function writeArticles(sqlite: Sqlite, rng: Rng, now: number): { long: PlannedArticle; busy: PlannedArticle[]; quiet: PlannedArticle[] } {
  const insertSection = sqlite.prepare('insert into sections (slug, name, description, position) values (?, ?, ?, ?)');
  const sectionIds = content.sections.map((s, position) => Number(insertSection.run(s.slug, s.name, s.description, position).lastInsertRowid));
  const newsId = sectionIds[content.sections.findIndex((s) => s.slug === 'news')]!;

  const insertAuthor = sqlite.prepare('insert into authors (slug, name, bio) values (?, ?, ?)');
  const authorIds = uniqueNames(rng, AUTHORS, () => personName(rng)).map((name) => {
    const bio = `${name} covers ${rng.pick(TOPICS).toLowerCase()} and ${rng.pick(TOPICS).toLowerCase()} for Broadsheet from ${rng.pick(PLACES)}.`;
    return Number(insertAuthor.run(slugify(name), name, bio).lastInsertRowid);
  });

  const tagNames = [...TOPICS, ...PLACES];
  const tagSlugs = new Set(tagNames.map((name) => slugify(name)));
  while (tagNames.length < TAGS) {
    const name = `${rng.pick(PLACES)} ${rng.pick(TAG_QUALIFIERS)}`;
    if (!tagSlugs.has(slugify(name))) {
      tagSlugs.add(slugify(name));
      tagNames.push(name);
    }
  }
  const insertTag = sqlite.prepare('insert into tags (slug, name) values (?, ?)');
  const tagIds = tagNames.slice(0, TAGS).map((name) => Number(insertTag.run(slugify(name), name).lastInsertRowid));

  const photos = [...new Map(content.articles.map((a) => [a.photo.src, a.photo])).values()];
  const insertArticle = sqlite.prepare(`insert into articles (slug, section_id, headline, standfirst, body, status,
    featured, published_at, updated_at, photo_src, photo_width, photo_height, photo_alt, photo_caption, photo_credit)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1600, 900, ?, ?, ?)`);
  const insertByline = sqlite.prepare('insert into article_authors (article_id, author_id, position) values (?, ?, ?)');
  const insertArticleTag = sqlite.prepare('insert into article_tags (article_id, tag_id) values (?, ?)');
  const slugs = new Set<string>();

  // Oldest first, so ids rise with publication time as they do on a real site.
  const times = Array.from({ length: PUBLISHED - 1 }, () => now - 2 * HOUR - Math.floor(rng.next() * 3 * 365 * DAY)).sort((a, b) => a - b);
  times.push(now - HOUR);
  const longIndex = times.reduce((best, t, i) => (Math.abs(t - (now - 3 * DAY)) < Math.abs(times[best]! - (now - 3 * DAY)) ? i : best), 0);

  const write = (publishedAt: number, status: 'published' | 'draft', special?: string) => {
    const title = headline(rng);
    let slug = special ?? slugify(title);
    for (let n = 2; slugs.has(slug); n++) slug = `${slugify(title)}-${n}`;
    slugs.add(slug);
    const photo = rng.pick(photos);
    const place = rng.pick(PLACES);
    const lead = special === LEAD_SLUG;
    const section = lead ? newsId : rng.pick(sectionIds);
    const author = rng.skewed(AUTHORS, 1.5);
    const id = Number(
      insertArticle.run(
        slug,
        section,
        title,
        sentence(rng),
        articleBody(rng),
        status,
        lead || (status === 'published' && rng.chance(0.005)) ? 1 : 0,
        publishedAt,
        rng.chance(0.2) ? Math.min(now, publishedAt + rng.int(10 * MINUTE, 12 * HOUR)) : null,
        photo.src,
        photo.alt,
        `${place}, ${rng.pick(MONTHS)} ${new Date(publishedAt).getUTCFullYear()}: ${sentence(rng)}`,
        photo.credit,
      ).lastInsertRowid,
    );
    insertByline.run(id, authorIds[author]!, 0);
    // One story in ten shares its byline (drawn without the random source, so the rest of the data stays the same).
    if (id % 10 === 0) insertByline.run(id, authorIds[(author + 1) % AUTHORS]!, 1);
    const tagged = new Set<number>();
    const wanted = rng.int(2, 5);
    while (tagged.size < wanted) tagged.add(tagIds[rng.skewed(TAGS, 1.8)]!);
    for (const tagId of tagged) insertArticleTag.run(id, tagId);
    return id;
  };

  const published = times.map((publishedAt, i) => {
    const special = i === times.length - 1 ? LEAD_SLUG : i === longIndex ? LONG_THREAD_SLUG : undefined;
    return { id: write(publishedAt, 'published', special), publishedAt, comments: 0 };
  });
  for (let i = 0; i < DRAFTS; i++) write(now - rng.int(0, 5 * DAY), 'draft');

  const long = published[longIndex]!;
  long.comments = LONG_THREAD.approved;
  const others = published.filter((a) => a !== long);
  const busy: PlannedArticle[] = [];
  while (busy.length < BUSY_THREADS.count) {
    const candidate = others[rng.int(0, others.length - 2)]!; // never the lead, the last one
    if (busy.includes(candidate) || candidate.publishedAt > now - 2 * DAY) continue;
    candidate.comments = rng.int(BUSY_THREADS.min, BUSY_THREADS.max);
    busy.push(candidate);
  }
  const quiet = others.filter((a) => !busy.includes(a));
  spreadQuietComments(rng, quiet, APPROVED - long.comments - busy.reduce((sum, a) => sum + a.comments, 0));
  return { long, busy, quiet };
}

/** 0–30 comments each, skewed so the total comes out right, then nudged to exactly `total`. */
function spreadQuietComments(rng: Rng, quiet: PlannedArticle[], total: number) {
  const mean = total / quiet.length;
  const power = (QUIET_MAX + 1) / (mean + 0.5) - 1; // E[floor(31·u^p)] ≈ 31/(p+1) − ½
  let sum = 0;
  for (const article of quiet) {
    article.comments = Math.min(QUIET_MAX, Math.floor((QUIET_MAX + 1) * rng.next() ** power));
    sum += article.comments;
  }
  while (sum !== total) {
    const article = rng.pick(quiet);
    if (sum < total && article.comments < QUIET_MAX) {
      article.comments += 1;
      sum += 1;
    } else if (sum > total && article.comments > 0) {
      article.comments -= 1;
      sum -= 1;
    }
  }
}

function writeComments(sqlite: Sqlite, rng: Rng, now: number, plan: { long: PlannedArticle; busy: PlannedArticle[]; quiet: PlannedArticle[] }) {
  const insert = sqlite.prepare(`insert into comments (article_id, parent_id, author_name, author_email, author_url, body,
    status, created_at, ip, user_agent, held_reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const regulars = commenters(rng, COMMENTERS, 'r');
  const newcomers = commenters(rng, NEWCOMERS, 'n');
  type Written = { id: number; createdAt: number; depth: number };
  const approvedOf = new Map<number, Written[]>();

  const thread = (article: PlannedArticle, topLevel: (i: number) => boolean) => {
    const n = article.comments;
    const window = Math.max(MINUTE, Math.min(now - article.publishedAt - MINUTE, 10 * DAY));
    const times = Array.from({ length: n }, () => article.publishedAt + MINUTE + Math.floor(window * rng.next() ** 2)).sort((a, b) => a - b);
    const written: Written[] = [];
    const open: Written[] = []; // comments that can still take a reply without passing MAX_DEPTH
    for (let i = 0; i < n; i++) {
      const createdAt = Math.max(times[i]!, (written[i - 1]?.createdAt ?? 0) + 1);
      let parent: Written | null = null;
      if (i > 0 && open.length > 0 && !topLevel(i)) {
        // Half the replies answer something recent, which is how chains grow deep.
        parent = rng.chance(0.5) ? open[open.length - 1 - rng.int(0, Math.min(7, open.length - 1))]! : rng.pick(open);
      }
      const who = regulars[rng.skewed(COMMENTERS, 2)]!;
      const id = Number(
        insert.run(article.id, parent?.id ?? null, who.name, who.email, who.url, commentBody(rng), 'approved', createdAt, who.ip, who.userAgent, null).lastInsertRowid,
      );
      const comment = { id, createdAt, depth: parent ? parent.depth + 1 : 1 };
      written.push(comment);
      if (comment.depth < MAX_DEPTH) open.push(comment);
    }
    approvedOf.set(article.id, written);
  };

  const longTopLevel = new Set<number>([0]);
  while (longTopLevel.size < LONG_THREAD.topLevel) longTopLevel.add(rng.int(1, LONG_THREAD.approved - 1));
  thread(plan.long, (i) => longTopLevel.has(i));
  for (const article of plan.busy) thread(article, () => rng.chance(0.3));
  for (const article of plan.quiet) thread(article, () => rng.chance(0.6));

  // The moderation queue: mostly first-time commenters from the last fortnight, newer stories first.
  const byRecency = [...plan.quiet, ...plan.busy].sort((a, b) => b.publishedAt - a.publishedAt);
  for (let i = 0; i < PENDING; i++) {
    const article = i < LONG_THREAD.pending ? plan.long : byRecency[rng.skewed(byRecency.length, 3)]!;
    const candidates = (approvedOf.get(article.id) ?? []).filter((c) => c.depth < MAX_DEPTH && c.createdAt < now - 2 * MINUTE);
    const parent = candidates.length > 0 && rng.chance(0.25) ? rng.pick(candidates) : null;
    const earliest = Math.max(article.publishedAt, parent?.createdAt ?? 0) + MINUTE;
    let createdAt = Math.max(earliest, now - Math.floor(14 * DAY * rng.next()));
    if (createdAt >= now) createdAt = earliest + Math.floor((now - earliest) * rng.next());
    const who = rng.chance(0.8) ? rng.pick(newcomers) : regulars[rng.skewed(COMMENTERS, 2)]!;
    insert.run(article.id, parent?.id ?? null, who.name, who.email, who.url, commentBody(rng), 'pending', createdAt, who.ip, who.userAgent, MANUAL_APPROVAL);
  }
}

function summarize(sqlite: Sqlite) {
  const counts: Record<string, number> = {};
  const rows = sqlite
    .prepare(`select 'sections' as name, count(*) as n from sections
      union all select 'authors', count(*) from authors
      union all select 'tags', count(*) from tags
      union all select 'article tags', count(*) from article_tags
      union all select 'users', count(*) from users
      union all select 'articles ' || status, count(*) from articles group by status
      union all select 'comments ' || status, count(*) from comments group by status`)
    .all() as { name: string; n: number }[];
  for (const row of rows) counts[row.name] = row.n;
  const pathOf = sqlite.prepare(`select '/' || s.slug || '/' || a.slug as path from articles a join sections s on s.id = a.section_id where a.slug = ?`);
  return {
    counts,
    leadPath: (pathOf.get(LEAD_SLUG) as { path: string }).path,
    longThreadPath: (pathOf.get(LONG_THREAD_SLUG) as { path: string }).path,
  };
}
