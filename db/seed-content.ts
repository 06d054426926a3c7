/**
 * Sample content for a fresh Broadsheet database: five sections, three (invented) journalists and a
 * fortnight of stories from late January and early February 2025, one of them an unpublished draft.
 * Photos are illustrations drawn by `scripts/make-photos.ts`.
 */
import type { SeedArticle, SeedAuthor, SeedPhoto, SeedSection } from './seed-types';

export const sections: SeedSection[] = [
  {
    slug: 'news',
    name: 'News',
    description: 'The day’s most important stories, reported and explained.',
  },
  {
    slug: 'world',
    name: 'World',
    description: 'Conflict, diplomacy and politics from every continent, with a close eye on Europe.',
  },
  {
    slug: 'politics',
    name: 'Politics',
    description: 'Power in Washington and beyond: the White House, Congress, the courts and the campaigns.',
  },
  {
    slug: 'business',
    name: 'Business',
    description: 'Markets, trade, central banks and the companies that shape the global economy.',
  },
  {
    slug: 'technology',
    name: 'Technology',
    description: 'Artificial intelligence, chips and the policy fights over how technology is built and governed.',
  },
];

export const authors: SeedAuthor[] = [
  {
    slug: 'maria-keller',
    name: 'Maria Keller',
    bio: 'Maria Keller is Broadsheet’s diplomatic editor. She was previously a correspondent in Moscow and Brussels and writes about Russia, Ukraine and transatlantic security.',
  },
  {
    slug: 'daniel-okafor',
    name: 'Daniel Okafor',
    bio: 'Daniel Okafor is economics editor, covering trade, central banks and financial markets. He joined Broadsheet from a wire service’s London markets desk.',
  },
  {
    slug: 'hannah-lindqvist',
    name: 'Hannah Lindqvist',
    bio: 'Hannah Lindqvist is Broadsheet’s Washington correspondent, reporting on the White House, Congress and technology policy.',
  },
];

/** Every sample photo is a 1600x900 illustration made by scripts/make-photos.ts. */
function illustration(slug: string, alt: string, caption: string): SeedPhoto {
  return {
    src: `/images/${slug}.jpg`,
    width: 1600,
    height: 900,
    alt,
    caption,
    credit: 'Broadsheet illustration',
  };
}

export const articles: SeedArticle[] = [
  // ---------------------------------------------------------------- the lead story
  {
    slug: 'trump-putin-call-ukraine-negotiations',
    section: 'news',
    author: 'maria-keller',
    headline: 'Trump presses Putin towards talks to end the war in Ukraine',
    standfirst:
      'In a long phone call on Wednesday, the American president urged his Russian counterpart to open negotiations, signalling that Washington means to steer any peace process itself.',
    status: 'published',
    publishedAt: '2025-02-13T09:15:00Z',
    updatedAt: '2025-02-13T14:30:00Z',
    featured: true,
    tags: ['Ukraine', 'Russia', 'Diplomacy', 'US politics', 'Donald Trump'],
    photo: illustration(
      'trump-putin-call-ukraine-negotiations',
      'Illustration of a black telephone handset and its coiled cord stretched across two blocks of muted colour, one striped red, white and blue, the other white, blue and red.',
      'The call on February 12th was the first conversation between the two leaders that either side has confirmed since January.',
    ),
    body: `## A new push for a negotiated peace

Donald Trump used a telephone call with Vladimir Putin on February 12th to make the opening move in what is shaping up to be the defining diplomatic gamble of his second term: bringing the war in Ukraine to a negotiated close. It was the first conversation between the two men that either government has confirmed since Mr Trump returned to the White House in January, and it marks a sharp break with three years of American policy.

Ukraine was not the only item on the agenda. By the president’s own account, the two leaders also talked about energy, artificial intelligence and wider questions of global security. Mr Trump described the exchange as “lengthy and highly productive”, and said he had spoken to Volodymyr Zelensky, Ukraine’s president, afterwards.

No transcript has been released. Instead the president gave his version on social media within hours of putting down the phone, dwelling on the prospect of the two countries co-operating:

> “We each talked about the strengths of our respective nations and the great benefit we will someday have in working together.”

He also cast the call as the first step towards halting a war that he said had caused “millions of deaths”. That figure far exceeds official estimates, which run to hundreds of thousands.

## Who will do the negotiating

The White House has wasted little time in naming the officials who will take the effort forward. The team mixes formal diplomacy, intelligence work and personal back channels:

- **Marco Rubio**, secretary of state – will lead the formal diplomatic track.
- **John Ratcliffe**, director of the CIA – will provide intelligence assessments.
- **Michael Waltz**, national security adviser – will frame the strategic policy recommendations.
- **Steve Witkoff**, the president’s Middle East envoy – will handle back-channel contacts with Moscow, fresh from bringing home Marc Fogel, an American teacher who had been jailed in Russia.

That the team was picked within weeks of the inauguration shows how much weight Mr Trump puts on a quick deal. Nobody else has come close to one since Russian troops poured across the border in February 2022.

## What Kyiv stands to gain, and to lose

For Ukraine the initiative cuts both ways. A ceasefire would bring relief to a country worn down by the fighting. Yet officials in Kyiv have long been uneasy about Mr Trump, who claimed during his campaign that he could stop the war “in 24 hours”, and they fear being leaned on to give up more than they otherwise would.

In Kyiv, one senior official, speaking on condition of anonymity, allowed that the talks might yield something but left no doubt about the limits: “Ukraine will not accept any peace that compromises our sovereignty.”

## A reset between Washington and Moscow

Under Joe Biden, American policy rested on punishing Russia with sanctions and arming Ukraine. Mr Trump’s readiness to talk directly to the Kremlin turns that approach on its head, and could mean:

- The economic squeeze on Moscow loosening, if the talks progress.
- Washington rethinking the weapons and money it sends to Kyiv.
- Doors reopening for Russian diplomats after years of being shut out by Western governments.

The Kremlin’s spokesman, Dmitry Peskov, called the conversation “constructive” but gave no details. Nothing suggests the Kremlin has softened its conditions: it wants a neutral Ukraine, outside any military alliance, and it wants territory, before it will settle.

## Ripples far beyond the front line

An end to the fighting would matter to the world economy as much as to diplomats. Investors were guarded. Crude slipped a little, as traders bet that a thaw could eventually make energy flows more predictable.

In European capitals and at NATO headquarters, the fear is of a settlement that rewards Russian aggression and leaves the continent less safe. The European Union, one of Kyiv’s biggest backers, had issued no formal reaction by Thursday. Privately, officials are said to be uneasy that Mr Trump appears ready to strike a bargain with the Kremlin over European heads.`,
  },

  // ---------------------------------------------------------------- news
  {
    slug: 'marc-fogel-freed-from-russian-prison',
    section: 'news',
    author: 'maria-keller',
    headline: 'American teacher Marc Fogel freed after three and a half years in Russian custody',
    standfirst:
      'The former Moscow schoolteacher, serving 14 years for carrying a small amount of medical cannabis, flew home with the White House envoy Steve Witkoff.',
    status: 'published',
    publishedAt: '2025-02-12T08:30:00Z',
    updatedAt: '2025-02-12T17:45:00Z',
    tags: ['Russia', 'Diplomacy', 'Donald Trump', 'US politics'],
    photo: illustration(
      'marc-fogel-freed-from-russian-prison',
      'Illustration of a small passenger jet climbing over layered bands of cloud towards a pale dawn sky.',
      'Marc Fogel was flown out of Moscow on February 11th and taken to the White House the same night.',
    ),
    body: `## Home after a long wait

Marc Fogel, an American history teacher who had spent three and a half years in Russian detention, arrived back in the United States late on Tuesday, February 11th. He was brought out of Moscow by Steve Witkoff, President Donald Trump’s Middle East envoy, who had flown to the Russian capital to collect him, and was taken straight to the White House to meet the president.

The administration presented the release as a gesture of good faith from the Kremlin and a sign that relations with Moscow could be put on a different footing. It came a day before Mr Trump’s long telephone call with Vladimir Putin about ending the war in Ukraine.

## How he came to be jailed

Mr Fogel had taught for years at the Anglo-American School of Moscow, whose pupils included the children of foreign diplomats. In August 2021 he was stopped at Sheremetyevo airport carrying a small quantity of cannabis, about 17 grams, which his family said had been prescribed to him in America for chronic back pain.

A Russian court convicted him of large-scale drug smuggling and in June 2022 sentenced him to 14 years in a penal colony, a punishment his supporters called wildly out of proportion. His case drew comparisons with that of Brittney Griner, the basketball player detained on a cannabis charge, who was exchanged in December 2022.

- **August 2021**: arrested at Sheremetyevo airport on arrival in Moscow.
- **June 2022**: sentenced to 14 years.
- **August 2024**: left out of a large multi-country prisoner exchange.
- **February 2025**: released and flown home with Mr Witkoff.

## Left out last summer

The omission that stung most came in August 2024, when a swap negotiated with Russia and several other countries freed Evan Gershkovich of the Wall Street Journal, the former marine Paul Whelan and others. Mr Fogel was not on the list, and his family said publicly that they felt he had been forgotten.

> “Every time a plane came home without him, it was like starting the wait again,” said a former colleague from the Moscow school, who asked not to be named.

## What Washington gave in return

On Wednesday officials confirmed that the United States would release Alexander Vinnik, a Russian national held in America, as part of the arrangement. Mr Vinnik had pleaded guilty last year to a money-laundering charge connected with BTC-e, a cryptocurrency exchange that American prosecutors said had handled the proceeds of crime.

The trade is modest by the standards of past exchanges, but its timing gave it weight. Officials in both capitals used it to set a more conciliatory tone before the leaders spoke.

## What to watch next

1. Whether other Americans held in Russia, several of whom remain in prison, are released in the coming weeks.
2. How much Mr Witkoff’s direct line to the Kremlin shapes the wider talks on Ukraine.
3. Whether Congress presses the administration for more detail on the terms of the exchange.

For Mr Fogel’s family the politics matter less than the outcome. Relatives had campaigned for his release since his arrest, writing to officials and lawmakers and appealing for him to be treated as wrongfully detained.`,
  },
  {
    slug: 'washington-midair-collision-potomac',
    section: 'news',
    author: 'hannah-lindqvist',
    headline: 'No survivors expected after airliner and army helicopter collide near Washington',
    standfirst:
      'A regional jet carrying 64 people collided with a US Army Black Hawk on its approach to Reagan National Airport and fell into the Potomac River.',
    status: 'published',
    publishedAt: '2025-01-30T11:20:00Z',
    updatedAt: '2025-01-30T17:05:00Z',
    tags: ['Aviation', 'Transport', 'Washington DC'],
    photo: illustration(
      'washington-midair-collision-potomac',
      'Illustration of a dark river at night beneath a low bridge, with the blurred lights of a city and an airport reflected on the water.',
      'Rescue crews worked through the night on the Potomac River in freezing conditions.',
    ),
    body: `## What happened

A passenger jet and a military helicopter collided in the night sky over the Potomac River on Wednesday, January 29th, in what officials fear is the deadliest American air disaster in more than two decades.

American Eagle flight 5342, a Bombardier CRJ700 regional jet operated by PSA Airlines, had flown in from Wichita, Kansas, and was on its final approach to Ronald Reagan Washington National Airport shortly before 9pm local time. It struck a US Army UH-60 Black Hawk that was on a training flight with three soldiers on board. Both aircraft plunged into the river.

The jet was carrying 60 passengers and four crew. By Thursday morning fire officials said they did not believe anyone had survived, and the operation on the river shifted from rescue to recovery.

## A search in freezing water

Hundreds of emergency workers from Washington, Virginia and federal agencies joined the search, working from boats in darkness, wind and water close to freezing. Divers were hampered by poor visibility and by wreckage spread across the river bed. Take-offs and landings at National, a few hundred metres away, were halted overnight.

## Who was on board

Among the passengers were members of America’s figure-skating community: young skaters, their parents and coaches returning from a development camp held after the national championships in Wichita. Skating clubs in several states said they were waiting for news of their members, and the sport’s governing body said it was devastated.

## Questions for investigators

The National Transportation Safety Board is leading the investigation, with the army and the Federal Aviation Administration taking part. Early attention is focusing on a handful of issues:

- **The helicopter’s height and route.** Military and police helicopters use designated corridors along the river, close to the paths of aircraft landing at National.
- **What each crew could see.** Publicly available air-traffic recordings suggest controllers asked the helicopter crew, shortly before the collision, whether they had the jet in sight.
- **The crowded airspace.** National is one of the busiest airports in the country, squeezed between the river, the Pentagon and the centre of Washington, and the jet had been asked to switch to a shorter runway.
- **The flight recorders.** Investigators will want the data and cockpit voice recorders from both aircraft before drawing conclusions.

The board usually publishes a preliminary report within weeks, though a full account of the cause can take a year or more.

## The worst crash in a generation

If the fears are confirmed, the accident will be the deadliest in the United States since November 2001, when an American Airlines jet crashed in the New York borough of Queens shortly after take-off. It is also the first major fatal crash of an American commercial airliner since 2009, when a regional flight went down near Buffalo, New York.

That long record of safety is one reason why the collision has shaken the industry. Pilots’ groups and former regulators have for years warned about the density of traffic around National, and members of Congress from Virginia and Maryland said they would press for answers about how military and civilian flights share the airspace.

For the families gathered at the airport and at a hotel nearby, those questions can wait. Officials said recovery work on the river would continue for days.`,
  },

  // ---------------------------------------------------------------- world
  {
    slug: 'munich-security-conference-preview-ukraine',
    section: 'world',
    author: 'maria-keller',
    headline: 'Europe heads to Munich braced for a hard conversation about Ukraine',
    standfirst:
      'The Munich Security Conference opens on Friday, days after Washington signalled that Kyiv should expect neither its old borders nor NATO membership from a peace deal.',
    status: 'published',
    publishedAt: '2025-02-13T07:00:00Z',
    tags: ['Ukraine', 'NATO', 'Europe', 'Security', 'Diplomacy'],
    photo: illustration(
      'munich-security-conference-preview-ukraine',
      'Illustration of a globe drawn with meridians and parallels, set against bands of slate blue and ochre with faint arcs radiating outwards.',
      'The Munich Security Conference runs from February 14th to 16th.',
    ),
    body: `## An uncomfortable backdrop

Every February, presidents, ministers, generals and spy chiefs crowd into the Hotel Bayerischer Hof in Munich for three days of speeches and private meetings on the state of global security. This year’s conference, which runs from February 14th to 16th, may be the most fraught in years.

The timing is awkward for Europe. The conference opens two days after Donald Trump’s telephone call with Vladimir Putin, in which the American president pressed for talks on ending the war in Ukraine. European governments learned the details much as everyone else did, from the president’s social-media posts.

The American delegation is led by Vice-President JD Vance. Keith Kellogg, Mr Trump’s special envoy for Ukraine and Russia, is also expected, and Volodymyr Zelensky, Ukraine’s president, is due to attend.

## Hegseth sets the tone

On Wednesday, at a meeting of Ukraine’s military backers at NATO headquarters in Brussels, the new American defence secretary, Pete Hegseth, laid out Washington’s thinking with unusual bluntness. He said it was unrealistic to expect Ukraine to return to its borders of before 2014, and that NATO membership for Kyiv was not a realistic outcome of a negotiated settlement.

Any security guarantee after a ceasefire, he added, should rest on European and non-European troops rather than a NATO mission, and American soldiers would not be part of it. Europe, in his view, must provide the overwhelming share of future aid to Ukraine.

## Europe wants a seat

European capitals were quick to respond. Foreign ministers from several of the continent’s biggest countries, meeting in Paris on the same day, said that Ukraine and Europe must both be part of any negotiation. In private, officials worry that the two most important concessions have been given away before talks have even begun.

> “Everybody is coming to Munich to find out whether there is a plan, or just a phone call,” said one European diplomat involved in preparing for the conference.

## What to watch

1. **Mr Vance’s speech.** The vice-president’s address will be read closely for any detail on the administration’s aims in Ukraine and its view of Europe.
2. **Meetings with Mr Zelensky.** Whether the Ukrainian president sits down with senior Americans, and what he says afterwards, will show how far Kyiv has been consulted.
3. **Defence spending.** Mr Trump has said NATO members should spend 5% of their GDP on defence, far above what most of them do today.
4. **A timetable.** Any hint of where and when talks with Russia might begin, and who would be at the table.

## Beyond Ukraine

The agenda is broad, as ever. Delegates will also discuss the fragile ceasefire in Gaza, the transition in Syria after the fall of Bashar al-Assad in December, and competition with China. But few doubt which subject will dominate the corridors. For European leaders, Munich is the first chance to hear face to face what the new American administration expects of them, and to argue back.`,
  },
  {
    slug: 'germany-merz-afd-migration-vote',
    section: 'world',
    author: 'maria-keller',
    headline: 'Merz’s migration gamble upends Germany’s election campaign',
    standfirst:
      'A conservative motion that passed only with the far right’s votes has provoked protests, a rare rebuke from Angela Merkel and a fight over Germany’s taboo on working with the AfD.',
    status: 'published',
    publishedAt: '2025-01-31T19:30:00Z',
    tags: ['Germany', 'Europe', 'Elections', 'Migration'],
    photo: illustration(
      'germany-merz-afd-migration-vote',
      'Illustration of a glass parliamentary dome drawn as a lattice of curved lines, rising above a stone base against a grey-blue sky.',
      'Germany votes in a snap federal election on February 23rd.',
    ),
    body: `## A week that changed the race

Germany’s snap election campaign was meant to be about a stagnant economy. After a week of drama in the Bundestag it is about migration, and about where the country’s mainstream parties draw the line with the far right.

The election, due on February 23rd, was called after Olaf Scholz’s three-party coalition collapsed in November and the chancellor lost a confidence vote in December. Friedrich Merz, leader of the Christian Democrats, has led the polls throughout, with his CDU and its Bavarian sister party, the CSU, comfortably ahead. The Alternative for Germany (AfD) sits in second place.

## The trigger

On January 22nd a man and a two-year-old boy were killed in a knife attack in a park in Aschaffenburg, in Bavaria. The suspect was an Afghan man who had been told to leave the country. Coming a month after a car was driven into a Christmas market in Magdeburg, the attack hardened the public mood.

Mr Merz responded with a promise to tighten the rules from his first day in office, including permanent controls at Germany’s borders and turning away people without valid papers, asylum-seekers among them. He also said he would put his proposals to the Bundestag whoever chose to vote for them.

## Crossing the firewall

On Wednesday, January 29th, a non-binding CDU/CSU motion calling for tougher border policy passed with the votes of the AfD. It was the first time a majority in the federal parliament had depended on the party, which the domestic intelligence agency treats as a suspected extremist organisation.

- The Social Democrats and Greens accused Mr Merz of breaking the *Brandmauer*, the firewall that mainstream parties have kept around the AfD.
- Angela Merkel, Mr Merz’s predecessor as party leader, issued a rare public statement saying it had been wrong to accept a majority made possible by the AfD.
- Church leaders voiced unease, and protests were called in Berlin and other cities for the weekend.

On Friday a follow-up bill, which would have been binding, failed narrowly after a number of members from Mr Merz’s own party and from the liberal FDP declined to support it.

## What it means for February 23rd

Mr Merz insists nothing has changed: he has ruled out any coalition with the AfD and says he was only putting his own policies to a vote. His rivals say he has shown he cannot be trusted to keep that promise.

> “People at the doors want to talk about the border now, not the economy,” said a CDU campaign volunteer in Hesse. “Whether that helps us or the AfD, nobody knows.”

The arithmetic after the election matters more than the noise before it. Unless the Union does far better than polls suggest, it will need at least one partner from the centre-left, most likely the Social Democrats or the Greens, the very parties it has spent the week fighting. How much goodwill survives the campaign could decide how quickly Germany gets a government.`,
  },
  {
    slug: 'baltic-states-leave-russian-power-grid',
    section: 'world',
    author: 'daniel-okafor',
    headline: 'Baltic states cut their last power link with Russia and plug into Europe',
    standfirst:
      'Estonia, Latvia and Lithuania have disconnected from the Soviet-era grid they shared with Russia and Belarus, completing a switch planned for more than a decade.',
    status: 'published',
    publishedAt: '2025-02-09T15:30:00Z',
    tags: ['Energy', 'Europe', 'Russia', 'Security', 'NATO'],
    photo: illustration(
      'baltic-states-leave-russian-power-grid',
      'Illustration of a line of electricity pylons marching across low hills under a wide sky, their cables drawn in fine dark lines.',
      'The three Baltic states now keep their grids in step with continental Europe.',
    ),
    body: `## A switch decades in the making

For more than three decades after they regained their independence, Estonia, Latvia and Lithuania remained tied to Moscow in one important respect: their electricity grids ran in step with Russia’s. That link has now been severed.

On Saturday, February 8th, the three countries disconnected from the so-called BRELL ring, the synchronised network they shared with Belarus and Russia. For about a day they ran their grids on their own, an unusual test in which operators kept supply and demand balanced without outside help. On Sunday they synchronised with the continental European network through their connections with Poland, and leaders marked the moment at a ceremony in Vilnius.

## Why it matters

The Baltic states stopped buying Russian electricity in 2022, after the invasion of Ukraine. But until this weekend the frequency of their grids, the rhythm to which every generator must keep time, was effectively set from Russia. Officials had long worried that Moscow could use that dependence to cause blackouts or extract political concessions.

- **Control moves west.** Grid operators in Tallinn, Riga and Vilnius now balance their systems within the European network rather than the Russian one.
- **Kaliningrad is cut off.** The Russian exclave, squeezed between Lithuania and Poland, must now keep its own lights on with its own power stations.
- **Costs rise, for now.** The three countries must pay for extra reserves and equipment to keep their grids stable.

## How the switch was made

1. Cross-border lines to Russia and Belarus were opened, one by one, early on Saturday.
2. The Baltic grids ran as an isolated “island” for roughly 24 hours, with tests of their frequency control.
3. Operators then matched frequency with the European network and closed the links with Poland.

Engineers said the changeover went smoothly, with households noticing nothing. The work behind it took years: new lines, synchronous condensers to steady the grid and an agreement with the European network’s operators, paid for in large part with European Union money.

> “The point was that nobody would notice,” said a grid engineer in Riga. “If it was boring for customers, we did our job.”

## A tense neighbourhood

The switch comes at a jittery moment for the region. On Christmas Day the Estlink 2 power cable between Finland and Estonia was damaged, and Finnish authorities detained a tanker they suspected of belonging to Russia’s “shadow fleet” of vessels used to evade sanctions. Several undersea data cables in the Baltic Sea have also been cut in recent months.

In January NATO launched an operation, Baltic Sentry, to step up patrols around undersea infrastructure. Baltic officials say they have also increased protection of power lines and substations on land, aware that a grid free of Russian control is not the same as a grid safe from Russian interference.

For Lithuania, Latvia and Estonia, the change is both practical and symbolic. Officials in all three countries have presented it as the last step in leaving the Soviet system behind, more than thirty years after the Soviet Union itself came apart.`,
  },

  // ---------------------------------------------------------------- politics
  {
    slug: 'trump-inauguration-executive-orders',
    section: 'politics',
    author: 'hannah-lindqvist',
    headline: 'Trump is sworn in and opens his second term with a blitz of executive orders',
    standfirst:
      'Moved indoors by bitter cold, the inauguration was followed within hours by orders on immigration, energy and climate, and by pardons for people charged over the January 6th riot.',
    status: 'published',
    publishedAt: '2025-01-21T06:30:00Z',
    tags: ['Donald Trump', 'US politics', 'Executive orders', 'Migration', 'Courts'],
    photo: illustration(
      'trump-inauguration-executive-orders',
      'Illustration of the columns and pediment of a neoclassical building in warm stone tones, seen beneath a pale winter sky.',
      'The swearing-in took place in the Capitol Rotunda because of the cold.',
    ),
    body: `## Sworn in under the dome

Donald Trump took the oath of office as the 47th president of the United States at noon on Monday, January 20th, four years after leaving the White House. Freezing temperatures and a biting wind forced the ceremony indoors, into the Rotunda of the Capitol, the first time an inauguration had been moved inside since Ronald Reagan’s second in 1985. JD Vance was sworn in as vice-president.

In his inaugural address Mr Trump promised the start of a new golden age for America and pledged rapid action on the southern border, energy production and the cost of living. He repeated his intention to rename the Gulf of Mexico the Gulf of America.

## The first orders

Within hours, in the Oval Office and in front of supporters at a downtown arena, the president signed a stack of executive orders and proclamations. Among them:

- A national emergency at the southern border, with troops to be sent to support enforcement.
- An order to deny automatic citizenship to children born in the United States to parents without legal status or on some temporary visas, to take effect after 30 days.
- Withdrawal from the Paris climate agreement, and the start of a withdrawal from the World Health Organisation.
- A national energy emergency, intended to speed up drilling and the building of energy infrastructure.
- Pardons for about 1,500 people charged in connection with the attack on the Capitol on January 6th 2021, and commutations of the sentences of others.
- A 75-day delay in enforcing the law that requires TikTok to be sold or banned.
- A freeze on most federal hiring and the creation of a Department of Government Efficiency, to be steered by Elon Musk.
- A 90-day pause on foreign development aid while programmes are reviewed.

## Fights ahead in the courts

The citizenship order is the most legally contested. The 14th Amendment to the Constitution grants citizenship to people born on American soil, and the Supreme Court has long read that broadly. Civil-liberties groups and Democratic-led states said they would challenge the order in court at once, and many legal scholars expect it to be blocked.

Other orders face less certain fates. Some restate existing policy or instruct agencies to study an issue; others, such as the hiring freeze, take effect at once.

## Reaction in Washington

Democrats condemned the January 6th pardons in particular, pointing out that they covered people convicted of assaulting police officers. Mr Vance himself had said this month that those who committed violence that day should not be pardoned. Hours before leaving office, Joe Biden had issued pre-emptive pardons to several members of his family and to officials who had clashed with Mr Trump, including the congressional committee that investigated the riot.

> “It felt like watching four years of campaign promises being signed in an afternoon,” said a Republican aide who watched the signing from the Capitol.

## What happens next

1. **Confirmations.** The Senate confirmed Marco Rubio as secretary of state on Monday evening by 99 votes to none; other nominees face harder fights.
2. **Lawsuits.** Challenges to the citizenship order and other measures will move through federal courts in the coming weeks.
3. **Implementation.** Agencies must now turn the orders into rules, deadlines and, in some cases, budget requests to Congress.`,
  },
  {
    slug: 'federal-funding-freeze-rescinded',
    section: 'politics',
    author: 'hannah-lindqvist',
    headline: 'White House withdraws funding-freeze memo after two days of confusion',
    standfirst:
      'The budget office rescinded an order pausing federal grants and loans after a judge intervened and states reported trouble reaching Medicaid payment systems.',
    status: 'published',
    publishedAt: '2025-01-29T22:15:00Z',
    tags: ['US politics', 'Executive orders', 'Courts', 'Congress'],
    photo: illustration(
      'federal-funding-freeze-rescinded',
      'Illustration of a row of stone columns in cool grey, half in shadow, with a narrow band of ochre light falling across their bases.',
      'The memo from the Office of Management and Budget was withdrawn on January 29th.',
    ),
    body: `## A memo that caused alarm

For roughly 48 hours this week, charities, universities, local governments and state health agencies across the United States tried to work out whether the federal money they depend on was about to stop.

The cause was a two-page memo sent on the evening of Monday, January 27th, by the acting director of the Office of Management and Budget (OMB). It told federal agencies to pause the obligation and disbursement of federal financial assistance while they checked whether programmes complied with the president’s recent executive orders, including those on diversity initiatives and climate spending. The pause was to take effect at 5pm the next day, and agencies were to report back by February 10th.

## Confusion, then a court

The memo did not say clearly which programmes were covered. The White House later explained that payments to individuals, such as Social Security and Medicare, were not affected. But on Tuesday Democratic senators said state Medicaid payment portals had gone offline, and groups running everything from early-years education to food banks said they could not tell whether their grants were frozen.

Two lawsuits were filed, one by organisations representing non-profit groups and one by a coalition of Democratic-led states. Minutes before the pause was due to begin, a federal judge in Washington temporarily blocked it until a hearing the following week.

1. **Monday evening**: the OMB memo is sent to agencies.
2. **Tuesday**: questions pile up, Medicaid portals report outages and a judge issues a temporary block.
3. **Wednesday**: the OMB withdraws the memo in a two-sentence notice.

## Rescinded, but not over

On Wednesday afternoon the OMB rescinded the memo. Soon afterwards, however, the White House press secretary said on social media that this was not a rescission of the funding freeze itself, and that the president’s executive orders on federal spending remained in full force.

That left recipients where they began: unsure. Agencies are still reviewing programmes under those orders, and some grants that had been paused before the memo, including certain foreign-aid and climate programmes, remain on hold.

- **Non-profit groups** say they cannot plan payrolls or services without knowing whether reimbursements will arrive.
- **State governments**, which rely on federal money for a large share of their budgets, want written assurances.
- **Universities** are waiting to hear whether research grants are affected.

> “We spent two days phoning everyone we know in Washington, and we still don’t have a straight answer,” said the director of a food bank in Ohio.

## The power of the purse

Behind the confusion lies a constitutional argument. Congress decides how federal money is spent, and the Impoundment Control Act of 1974 limits a president’s power to withhold funds that lawmakers have appropriated. Democrats said the memo was a plain attempt to get around that law. Some of the president’s allies argue the act is itself unconstitutional and would welcome a fight in the courts.

Republicans in Congress were mostly quiet, though several said privately that they had been taken by surprise by the memo’s scope. With a government funding deadline looming in March, the episode is likely to shape negotiations over the budget, and it may not be the last test of how far the administration can go in controlling spending that Congress has already approved.`,
  },
  {
    slug: 'usaid-shutdown-foreign-aid',
    section: 'politics',
    author: 'hannah-lindqvist',
    headline: 'USAID’s future in doubt as staff are sent home and Rubio takes charge',
    standfirst:
      'The administration is moving to fold the main American foreign-aid agency into the State Department; Democrats say only Congress can abolish it.',
    status: 'published',
    publishedAt: '2025-02-05T14:00:00Z',
    tags: ['US politics', 'Foreign aid', 'Elon Musk', 'Congress'],
    photo: illustration(
      'usaid-shutdown-foreign-aid',
      'Illustration of the columns of a government building drawn in muted terracotta and stone, with long diagonal shadows falling across the steps.',
      'USAID staff were told to stay away from the agency’s headquarters in Washington.',
    ),
    body: `## An agency in limbo

Within two weeks of Donald Trump’s return to the White House, the United States Agency for International Development (USAID), which runs most of America’s humanitarian and development programmes, has been brought to a near standstill.

On his first day in office the president ordered a 90-day pause in foreign development assistance while programmes were reviewed. Stop-work orders went out to contractors and charities around the world. On January 28th the secretary of state, Marco Rubio, issued a waiver for life-saving humanitarian aid, but aid groups said it was unclear what qualified, and many programmes stayed shut.

## A weekend of upheaval

The pace quickened at the start of February. USAID’s website went offline on Saturday, February 1st. On Monday staff were told not to come into the agency’s headquarters in Washington, and Mr Rubio announced that he was now acting administrator. In a letter to Congress he said a review of the agency’s work could lead to some of its functions being absorbed by the State Department.

Elon Musk, who leads the president’s cost-cutting Department of Government Efficiency, has been among the loudest critics, calling the agency unfixable in posts on his social-media platform. On Tuesday a notice to staff said nearly all directly hired employees around the world would be placed on administrative leave from the end of the week, apart from those designated as essential.

## What USAID does

Set up in 1961, the agency spends tens of billions of dollars a year and is one of the world’s largest single funders of aid. Its work includes:

- Emergency food aid and disaster response.
- Health programmes, including work against HIV, malaria and tuberculosis.
- Support for farming, clean water and education in poor countries.
- Programmes on governance and democracy, which critics in the administration say have strayed from America’s interests.

## The legal argument

Democrats say the administration cannot close or merge the agency on its own authority. Congress gave USAID its standing in law and sets its budget each year, they argue, so only Congress can undo it. Democratic lawmakers rallied outside the headquarters on Monday, and unions representing federal staff are preparing to sue.

1. **Statute.** Whether the laws that govern USAID allow a president to fold it into another department without a vote.
2. **Appropriations.** Whether halting programmes that Congress has already funded breaches the rules on withholding money.
3. **Staff.** Whether placing thousands of workers on leave follows civil-service rules.

## On the ground

Aid groups say the effects are already visible. Clinics have shut, shipments are stuck in warehouses and local staff have been laid off.

> “We had medicine in the warehouse and nurses ready to work, and then the message came to stop everything,” said a contractor who runs health projects in East Africa. “Nobody could tell us for how long.”

Supporters of the move say the agency needed a shake-up and that aid should serve American interests more directly. Some Republicans in Congress, while backing a review, have argued for keeping programmes that command wide support, such as those against HIV. How far they are willing to push back may decide what survives.`,
  },

  // ---------------------------------------------------------------- business
  {
    slug: 'trump-tariffs-canada-mexico-china',
    section: 'business',
    author: 'daniel-okafor',
    headline: 'Tariffs on Canada and Mexico paused at the last minute as China duties begin',
    standfirst:
      'Washington gave its two neighbours a 30-day reprieve after they offered border concessions, while a 10% levy on Chinese goods took effect and Beijing hit back.',
    status: 'published',
    publishedAt: '2025-02-04T10:00:00Z',
    tags: ['Trade', 'Tariffs', 'China', 'Canada', 'Markets'],
    photo: illustration(
      'trump-tariffs-canada-mexico-china',
      'Illustration of stacked shipping containers in rust red, slate blue and ochre on a quayside, with the arm of a crane reaching overhead.',
      'Canada, Mexico and China are America’s three biggest trading partners.',
    ),
    body: `## A weekend of brinkmanship

Over the weekend President Donald Trump signed orders imposing tariffs of 25% on imports from Canada and Mexico, with a lower 10% rate on Canadian energy, and an extra 10% on goods from China. He used emergency economic powers and tied the measures to illegal immigration and the flow of fentanyl into the United States.

The three countries are America’s largest trading partners, and the prospect of a full-blown trade war sent the Canadian dollar and the Mexican peso sharply lower when markets opened on Monday. Stock markets fell too, before recovering some ground as the day went on.

## Two reprieves

By Monday evening the threat to North America had been postponed.

- **Mexico** agreed, after a call between Mr Trump and President Claudia Sheinbaum, to send 10,000 National Guard troops to its northern border. The tariffs were suspended for 30 days.
- **Canada** won the same 30-day pause after Justin Trudeau promised to appoint a “fentanyl czar”, list drug cartels as terrorist groups and press ahead with a border-security plan. Ottawa, which had announced retaliatory tariffs on 155bn Canadian dollars of American goods, put its response on hold.

## China hits back

There was no such reprieve for China. The 10% levy took effect just after midnight in Washington on Tuesday, and Beijing answered within minutes with a package of countermeasures:

1. Tariffs of 15% on American coal and liquefied natural gas.
2. Tariffs of 10% on crude oil, farm machinery and some cars. Both sets of duties start on February 10th.
3. Export controls on several metals used in industry and defence, including tungsten.
4. An antitrust investigation into Google, and the addition of two American companies to a list of “unreliable entities”.

The response was more measured than many analysts had feared, and targeted goods of which America sells relatively little to China. That leaves room for talks: Mr Trump said he expected to speak to Xi Jinping, China’s leader, soon.

## What businesses are doing

For companies on both sides of the northern border, the episode has been a warning rather than a relief. Car makers, whose parts can cross the border several times before a vehicle is finished, have the most to lose from tariffs on Canada and Mexico.

> “We spent Sunday working out which shipments to bring forward and which to hold,” said a customs broker in Windsor, Ontario. “On Monday night we were told to stand down. Nobody is standing down.”

Importers of Chinese goods have less room for manoeuvre. Many had already shifted some production to South-East Asia or Mexico during Mr Trump’s first term, but the new levy comes on top of tariffs imposed since 2018 on a large share of trade between the two countries.

## The next deadline

The reprieves expire in early March. Officials in Ottawa and Mexico City say they will use the time to show progress on the border, but both governments also know that Mr Trump has promised further tariffs, on steel, aluminium and other goods, and on countries whose own tariffs he considers unfair. Investors who bought back into markets on Monday afternoon may find that the lull is short.`,
  },
  {
    slug: 'bank-of-england-cuts-rates-to-4-5-percent',
    section: 'business',
    author: 'daniel-okafor',
    headline: 'Bank of England cuts rates to 4.5% and halves its growth forecast',
    standfirst:
      'The central bank lowered borrowing costs for the third time since the summer, even as it warned that inflation would rise again this year.',
    status: 'published',
    publishedAt: '2025-02-06T13:05:00Z',
    updatedAt: '2025-02-06T16:40:00Z',
    tags: ['Interest rates', 'UK economy', 'Markets', 'Inflation'],
    photo: illustration(
      'bank-of-england-cuts-rates-to-4-5-percent',
      'Illustration of a line chart stepping downwards across a grid, drawn over overlapping panels of muted green and cream.',
      'The Bank of England has now cut interest rates three times since August 2024.',
    ),
    body: `## A cut, with a warning attached

The Bank of England lowered its main interest rate by a quarter of a percentage point to 4.5% on Thursday, February 6th, the third reduction since it began easing policy in August. Borrowers welcomed the move. The forecasts published alongside it were less cheerful.

The Bank now expects the British economy to grow by only about 0.75% this year, half the 1.5% it predicted in November. At the same time it expects inflation, which stood at 2.5% in December, to climb back to around 3.7% in the third quarter of the year, pushed up by energy costs and increases in regulated prices such as water bills.

## A split committee

Seven of the nine members of the Monetary Policy Committee voted for the quarter-point cut. The other two, Catherine Mann and Swati Dhingra, wanted to go further, with a half-point reduction.

Ms Dhingra has long argued for faster cuts. Ms Mann’s vote was more of a surprise, since she had been one of the committee’s most hawkish members. Investors read the split as a sign that the balance on the committee has shifted towards easier policy.

- **Bank Rate**: 4.5%, down from 4.75%.
- **Vote**: 7–2, with both dissenters favouring a larger cut.
- **Growth forecast for 2025**: about 0.75%, down from 1.5%.
- **Expected inflation peak**: about 3.7%, in the third quarter of 2025.

## Why cut now?

Andrew Bailey, the governor, said the Bank would take a gradual and careful approach to further reductions, stressing the uncertainty around the outlook. The committee’s reasoning rested on three points:

1. Pay growth and services inflation, though still too high, have begun to ease.
2. The economy has stalled, and slack is opening up in the labour market.
3. The expected rise in inflation is driven largely by one-off increases in prices that the Bank does not expect to persist.

## Markets and mortgages

Traders moved to price in further cuts later in the year, and government borrowing costs edged down. Lenders are likely to trim mortgage rates, though many fixed-rate deals already reflected the expected cut.

> “Clients hear ‘rate cut’ and think their payments will fall next month,” said a mortgage broker in Leeds. “For most people coming off a cheap fix, the bill is still going up, just by less.”

## A divided world

The decision puts the Bank in the company of the European Central Bank, which cut its deposit rate to 2.75% on January 30th, rather than the Federal Reserve, which left its main rate unchanged at 4.25–4.5% the day before. Growing trade tensions, after the United States imposed new tariffs on China, add to the uncertainty for a trade-dependent economy like Britain’s.

For the chancellor, Rachel Reeves, the lower growth forecast is unwelcome. She has made growth the central aim of the government, and weaker activity will make it harder to meet her budget rules without further spending cuts or tax rises. Business groups, still digesting higher employer national-insurance contributions due in April, said the Bank’s gloomy outlook reflected what their members were already seeing.`,
  },
  {
    slug: 'trump-steel-aluminium-tariffs',
    section: 'business',
    author: 'daniel-okafor',
    headline: 'Trump puts 25% tariffs on all steel and aluminium imports',
    standfirst:
      'The president scrapped the exemptions and quota deals of his first term and raised the levy on aluminium, drawing promises of a response from Canada, the European Union and others.',
    status: 'published',
    publishedAt: '2025-02-11T12:30:00Z',
    tags: ['Trade', 'Tariffs', 'Canada', 'Europe', 'Donald Trump'],
    photo: illustration(
      'trump-steel-aluminium-tariffs',
      'Illustration of stacked steel girders and ingots in gunmetal grey, lit by the orange glow of a furnace in the background.',
      'The new tariffs on steel and aluminium take effect on March 12th.',
    ),
    body: `## No more exceptions

President Donald Trump signed proclamations on Monday, February 10th, imposing a 25% tariff on all imports of steel and aluminium into the United States, with no exemptions. The new duties are due to take effect on March 12th.

The move revives and widens the tariffs of his first term. In 2018 he imposed levies of 25% on steel and 10% on aluminium, citing national security. Many trading partners later negotiated exemptions or quota arrangements. The new orders sweep those away and raise the aluminium rate to match steel.

## Who is hit

The measures fall hardest on America’s closest allies rather than on China, whose direct steel exports to the United States are already small because of earlier restrictions.

- **Canada** is by far the largest foreign supplier of both metals, and provides more than half of America’s aluminium imports.
- **Mexico** and **Brazil** are major sources of steel, as are South Korea and Japan.
- **The European Union** and **Britain** lose the quota deals they agreed with the Biden administration in 2021 and 2022.

Shares in American steelmakers rose on the news. Steel users warn that higher prices for their raw material will be passed on to consumers.

## How we got here

1. **March 2018**: tariffs of 25% on steel and 10% on aluminium are imposed under a national-security law.
2. **2018–19**: exemptions are granted to several countries, including Canada and Mexico in 2019.
3. **2021–22**: the Biden administration replaces the tariffs on the EU, Japan and Britain with quota systems.
4. **February 2025**: all exemptions and quotas are scrapped, and the aluminium tariff rises to 25%.

## The response abroad

Canada’s government called the tariffs unjustified and said it would respond firmly if they took effect. The European Commission said that unjustified tariffs on the EU would not go unanswered and that it would act to protect European workers and businesses. Australia’s prime minister, Anthony Albanese, asked for an exemption, and Mr Trump said he would give the request serious consideration.

Britain struck a more cautious note, with ministers saying they would engage with Washington on the details.

> “We were told in 2018 the tariffs were temporary,” said a purchasing manager at an engineering firm in Ohio that buys Canadian aluminium. “Now they’re permanent and bigger, and our customers are going to feel it.”

## What comes next

The administration argues that the tariffs will revive American steel and aluminium production, which have struggled for decades against cheaper imports. Economists are sceptical: studies of the 2018 tariffs found that job gains in steelmaking were small compared with the costs borne by industries that use steel.

The proclamations leave a month before the duties begin, time for partners to lobby for relief. Mr Trump has also promised “reciprocal” tariffs on countries whose own duties he considers unfair, so the metals levies are unlikely to be the last word. For Canada, already living with the threat of wider tariffs paused until March, the risk is that the deadlines arrive together.`,
  },

  // ---------------------------------------------------------------- technology
  {
    slug: 'stargate-ai-infrastructure-venture',
    section: 'technology',
    author: 'hannah-lindqvist',
    headline: 'OpenAI, SoftBank and Oracle unveil a $500bn ‘Stargate’ plan at the White House',
    standfirst:
      'The joint venture promises to build data centres for artificial intelligence across America, starting with a site in Texas, though doubts about its financing surfaced within hours.',
    status: 'published',
    publishedAt: '2025-01-22T08:00:00Z',
    tags: ['Artificial intelligence', 'Data centres', 'Energy', 'Donald Trump', 'Elon Musk'],
    photo: illustration(
      'stargate-ai-infrastructure-venture',
      'Illustration of rows of server racks drawn as dark columns with small points of green light, crossed by thin circuit-board lines on a deep blue ground.',
      'The first Stargate data centre is under construction in Abilene, Texas.',
    ),
    body: `## A big number in the Roosevelt Room

On Tuesday, January 21st, his first full day back in office, President Donald Trump stood in the White House alongside Sam Altman of OpenAI, Masayoshi Son of SoftBank and Larry Ellison of Oracle to announce what he called the largest AI infrastructure project in history.

The venture, named Stargate, plans to invest $100bn immediately and up to $500bn over the next four years in data centres and the power supplies needed to run them. SoftBank will take financial responsibility and OpenAI operational responsibility, with Mr Son as chairman. MGX, an investment firm from Abu Dhabi, is also putting in money.

## Who does what

- **SoftBank** leads the financing.
- **OpenAI** runs operations and is the main customer for the computing power.
- **Oracle** is helping to build and run the data centres.
- **Arm, Microsoft and Nvidia** are named as technology partners.

The first site, already under construction, is in Abilene, Texas. The companies said they were looking at further locations around the country.

## Doubts about the money

Within hours the announcement drew scepticism from an unexpected quarter. Elon Musk, an adviser to the president and a rival of Mr Altman, wrote on his social-media platform that the backers did not actually have the money they were promising. Mr Altman disputed that.

Analysts noted that the $500bn figure was a ceiling, not a commitment, and that much of it would have to be raised from outside investors or borrowed. SoftBank has large ambitions and a history of bold bets, but also a balance sheet that limits how much it can fund alone.

> “Everyone agrees the demand for computing is enormous,” said a data-centre consultant in Dallas. “Whether it arrives in $500bn chunks on this timetable is a different question.”

## The power problem

The bigger constraint may be electricity. Modern AI data centres need vast amounts of it, and utilities in several states are already struggling to keep up with requests from technology companies. The administration has promised to make it easier to build power plants, and the president declared a national energy emergency on his first day in office.

1. **Generation**: new gas plants, and possibly nuclear power, will be needed to supply large sites.
2. **Transmission**: lines to carry power to data centres take years to approve and build.
3. **Cooling and water**: large centres need both, which can bring conflict with local communities.

## A change of approach in Washington

The event fitted the administration’s broader message on AI: build fast and regulate lightly. On his first day Mr Trump revoked his predecessor’s 2023 executive order on AI safety, which had required developers of the most powerful models to share information about safety tests with the government.

For OpenAI, Stargate also marks a step away from its dependence on Microsoft, whose cloud has until now supplied most of its computing power. Microsoft remains a partner, but the new venture gives OpenAI more room to secure capacity elsewhere, a point its rivals will have noted.`,
  },
  {
    slug: 'deepseek-rattles-chip-stocks',
    section: 'technology',
    author: 'daniel-okafor',
    headline: 'Chinese start-up DeepSeek wipes nearly $600bn off Nvidia’s value',
    standfirst:
      'A cheap, capable AI model from a small Chinese lab led investors to question the spending plans of America’s tech giants, and chip stocks tumbled.',
    status: 'published',
    publishedAt: '2025-01-27T21:40:00Z',
    tags: ['Artificial intelligence', 'China', 'Markets', 'Semiconductors'],
    photo: illustration(
      'deepseek-rattles-chip-stocks',
      'Illustration of a computer chip at the centre of branching circuit lines, with a jagged red line falling steeply across it.',
      'Nvidia’s shares fell by about 17% on January 27th.',
    ),
    body: `## A Monday sell-off

Shares in Nvidia, the chip designer whose processors power most of the world’s artificial-intelligence systems, fell by about 17% on Monday, January 27th. Nearly $600bn was wiped off its stock-market value, the largest one-day loss for any company in American history. The tech-heavy Nasdaq index fell by about 3%, and other chip stocks dropped sharply in New York and Europe.

The trigger was not a profit warning or a new regulation but a chatbot. Over the weekend an app made by DeepSeek, a Chinese AI start-up, climbed to the top of the free-download charts on Apple’s App Store in America, overtaking ChatGPT.

## What DeepSeek built

DeepSeek is based in Hangzhou and was founded by Liang Wenfeng, who also runs the quantitative hedge fund High-Flyer that backs it. On January 20th it released R1, a “reasoning” model that performs comparably with leading American models on several tests of maths and coding. Unusually, it published the model’s weights, so that anyone can download and run it.

What rattled investors was the cost. In a technical paper in December, the company said the final training run for V3, the model on which R1 is built, used about $5.6m of computing power, on chips that had been designed to comply with American export controls. American firms spend far more on their models.

## Why investors sold

The sell-off reflected several fears at once:

1. That leading models can be built with far fewer chips than assumed, reducing demand for Nvidia’s most expensive products.
2. That American export controls, intended to keep China behind, have not worked as planned.
3. That the hundreds of billions of dollars big tech firms plan to spend on data centres may not earn the returns investors expect.

> “For two years the story was that only the richest companies could play,” said a fund manager in London. “This morning that story looked a lot weaker.”

## The case for calm

Not everyone was convinced. The $5.6m figure covers only the final training run, not the research, staff and earlier experiments behind it, nor the hardware the company owns. Some analysts argued that cheaper AI would lead to far more use of it, and so more demand for chips over time, a version of an old economic idea known as the Jevons paradox.

- **Costs**: the headline number excludes much of what it took to build the model.
- **Openness**: because the weights are public, American labs can study and adapt its methods.
- **Privacy**: the app stores user data in China, which is likely to worry governments and companies.

## A wake-up call

In Washington the reaction was muted but pointed. President Donald Trump said the news should serve as a wake-up call for American industry, and suggested it could be positive if it showed that AI could be built more cheaply. Others in Congress said it strengthened the case for tighter export controls.

For Nvidia the question is whether Monday was a moment of panic or the start of a reassessment. The company said DeepSeek’s work was an excellent advance in AI and noted that running such models still requires large numbers of its chips. Investors will watch for clues in the next round of tech-company earnings, when the biggest buyers of its chips report how much they plan to spend.`,
  },
  {
    slug: 'paris-ai-action-summit-declaration',
    section: 'technology',
    author: 'hannah-lindqvist',
    headline: 'America and Britain decline to sign the Paris AI summit’s declaration',
    standfirst:
      'About 60 countries, China among them, backed a pledge on “inclusive and sustainable” artificial intelligence; JD Vance used his speech to warn Europe against heavy regulation.',
    status: 'published',
    publishedAt: '2025-02-11T18:20:00Z',
    tags: ['Artificial intelligence', 'Europe', 'Diplomacy', 'Regulation'],
    photo: illustration(
      'paris-ai-action-summit-declaration',
      'Illustration of fine circuit-board lines branching across a pale blue and cream background, converging on a bright central node.',
      'The AI Action Summit was held at the Grand Palais in Paris on February 10th and 11th.',
    ),
    body: `## Two days at the Grand Palais

World leaders, technology executives and researchers gathered in Paris on February 10th and 11th for the AI Action Summit, co-chaired by President Emmanuel Macron of France and Prime Minister Narendra Modi of India. It was the third such meeting, after gatherings at Bletchley Park in Britain in 2023 and in Seoul in 2024.

The summit ended with a declaration on “inclusive and sustainable” artificial intelligence, signed by about 60 countries, including France, India, China and members of the European Union. Two notable names were missing: the United States and Britain.

## Why they stayed out

The British government said it had not signed because the text did not say enough about global governance or national security, though it stressed that it agreed with much of it. American officials did not set out their objections in detail, but the vice-president, JD Vance, had made the administration’s position plain in a speech that morning.

Mr Vance warned that excessive regulation could kill a transformative industry just as it was taking off, and criticised European rules on digital services and data protection. He said America would remain the leader in AI and that its most advanced chips and systems should be built at home, and he cautioned countries against partnerships with authoritarian regimes.

## Money on the table

The summit was also a showcase for European investment:

- **France** highlighted €109bn of private investment in AI infrastructure, announced by Mr Macron on the eve of the summit.
- **The European Commission** launched InvestAI, an initiative to mobilise €200bn for AI, including €20bn for large computing facilities it calls gigafactories.
- **Start-ups**, notably the French firm Mistral, used the event to court customers and investors.

## Europe’s balancing act

The summit came a week after the first parts of the EU’s AI Act took effect on February 2nd, banning a short list of practices such as social scoring. European officials insist the law can coexist with growth, but the tone in Paris suggested a shift: more talk of investment and simplification, less of risk.

> “Two years ago the word in the room was ‘safety’,” said a European delegate who attended all three summits. “This week it was ‘investment’. That tells you where the mood has gone.”

## What comes next

1. **The next summit** will be hosted by India, which wants to put developing countries at the centre of the discussion.
2. **The AI Act** continues to phase in, with rules for general-purpose models due in August.
3. **Transatlantic friction** over digital regulation is likely to grow, as Washington presses Europe to go easier on American tech firms.

Researchers who had hoped for firmer commitments on safety left disappointed. The first summit at Bletchley Park focused on the most extreme risks of advanced AI; in Paris those concerns were largely pushed to the side, with more attention paid to energy use, public-interest projects and access for poorer countries. Whether that balance holds at the next meeting in India may depend on what the most powerful AI systems can do by then.`,
  },

  // ---------------------------------------------------------------- draft (not published)
  {
    slug: 'senate-confirms-trump-cabinet',
    section: 'politics',
    author: 'hannah-lindqvist',
    headline: 'Trump’s cabinet takes shape as the Senate works through contested nominees',
    standfirst:
      'Most of the president’s picks have been confirmed on party lines; the toughest votes are still to come.',
    status: 'draft',
    publishedAt: '2025-02-11T16:00:00Z',
    tags: ['US politics', 'Congress', 'Donald Trump'],
    photo: illustration(
      'senate-confirms-trump-cabinet',
      'Illustration of a colonnade of pale stone columns against a dusky violet sky, with a band of shadow across the top of the building.',
      'The Senate has confirmed most of the president’s cabinet nominees since January 20th.',
    ),
    body: `## A fast start, then a grind

The Senate moved quickly on the first of Donald Trump’s nominees. Marco Rubio was confirmed as secretary of state on the evening of the inauguration by 99 votes to none, a rare moment of unanimity. Since then, with Republicans holding 53 of the 100 seats, most confirmations have passed largely along party lines.

## The closest call so far

Pete Hegseth, a former Fox News host and army veteran, was confirmed as defence secretary on January 24th only after Vice-President JD Vance cast a tie-breaking vote, making the tally 51–50. Three Republicans, Susan Collins, Lisa Murkowski and Mitch McConnell, voted against him. It was only the second time a vice-president had been needed to confirm a cabinet nominee, after Betsy DeVos in 2017.

- **Confirmed**: Marco Rubio (State), Pete Hegseth (Defence), Kristi Noem (Homeland Security), Scott Bessent (Treasury), Sean Duffy (Transportation).
- **Pending**: Tulsi Gabbard (Director of National Intelligence), Robert F. Kennedy Jr (Health and Human Services).

[Check the full list of confirmations against the Senate record before publication.]

## Still to come

Tulsi Gabbard, nominated as director of national intelligence, cleared a procedural vote this week and faces a final vote within days. Critics in both parties have questioned her past statements on Russia and Syria and her earlier support for Edward Snowden.

Robert F. Kennedy Jr, the nominee for health secretary, was approved by the Senate finance committee on February 4th by 14 votes to 13, on party lines. His views on vaccines remain the main obstacle, and Bill Cassidy, a Republican senator and doctor, said he had received commitments from Mr Kennedy before backing him in committee.

1. Gabbard final vote – expected this week.
2. Kennedy final vote – date not set.
3. Others awaiting committee hearings.

[Add outcome of Gabbard vote. Quotes from Senate aides on whip counts? Hannah to call.]

## Why it matters

A cabinet in place lets the administration turn executive orders into policy. Departments without confirmed heads are run by acting officials, who can be slower to act and easier to challenge in court. [Para on Democrats’ delaying tactics, overnight sessions.]

## The wider picture

[Section to write: how this compares with Trump’s first term and Biden’s, how long confirmations took, and whether Senate Republicans are more willing to defy the president than in 2017. Need numbers from the Partnership for Public Service tracker.]`,
  },
];
