/** Site-wide settings that are part of the design rather than the content. */
export const site = {
  name: 'Broadsheet',
  tagline: 'Independent reporting, argued in the open',
  language: 'en-GB',
  /** Times are shown in the newsroom's zone. */
  timeZone: 'Europe/London',
  /** The zone as the desk names it beside a time to type. */
  timeZoneName: 'London time',
  /**
   * The masthead's navigation as the design has it: what pages prerendered by `next build` show, since
   * the build never opens the database. At run time the navigation is the database's sections, in the
   * order the desk gives them (listNavigationSections in db/sections.ts).
   */
  navigation: [
    { slug: 'news', name: 'News' },
    { slug: 'world', name: 'World' },
    { slug: 'politics', name: 'Politics' },
    { slug: 'business', name: 'Business' },
    { slug: 'technology', name: 'Technology' },
  ],
} as const;
