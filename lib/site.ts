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
   * The masthead's navigation. Navigation is design, like the masthead itself, so it lives in code and
   * the build never needs the database; every section in the database still has its own front.
   */
  navigation: [
    { slug: 'news', name: 'News' },
    { slug: 'world', name: 'World' },
    { slug: 'politics', name: 'Politics' },
    { slug: 'business', name: 'Business' },
    { slug: 'technology', name: 'Technology' },
  ],
} as const;
