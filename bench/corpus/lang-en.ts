/** English pseudo-news phrases (Latin script). Place names are invented on purpose. */
import { capitalise, type LanguagePack } from './language.ts';

const subjects = [
  'the finance ministry',
  'the city council',
  'opposition leaders',
  'the central bank',
  'local officials',
  'union representatives',
  'the regional governor',
  'health authorities',
  'a group of farmers',
  'the election commission',
  'investors',
  'the prime minister',
  'the energy regulator',
  'teachers in the capital',
  'the national theatre',
  'the foreign minister',
  'airline executives',
  'the supreme court',
  'residents of the old town',
  'port workers',
  'the statistics office',
  'museum curators',
  'the transport agency',
  'border guards',
  'a coalition of charities',
] as const;

const verbs = [
  'announced',
  'rejected',
  'approved',
  'postponed',
  'criticised',
  'welcomed',
  'proposed',
  'published',
  'questioned',
  'defended',
  'revised',
  'signed',
  'blocked',
  'delayed',
  'unveiled',
  'confirmed',
] as const;

const objects = [
  'a new budget plan',
  'the draft law on public media',
  'an increase in fuel prices',
  'the annual report',
  'plans for a second bridge',
  'a cut in interest rates',
  'the long-delayed rail project',
  'a review of school funding',
  'the trade agreement',
  'new rules for river shipping',
  'a programme of free vaccinations',
  'the sale of the state airline',
  'emergency funding for hospitals',
  'a ban on night flights',
  'the restoration of the cathedral',
  'a census of small farms',
  'changes to the pension system',
  'a festival of independent film',
  'stricter limits on air pollution',
  'the harvest forecast',
] as const;

const places = [
  'in Valdor',
  'in the northern provinces',
  'near the Merrow river',
  'in the capital',
  'across the coastal region',
  'in Harrowgate',
  'at the parliament building',
  'in the port city of Talmis',
  'in three eastern districts',
  'abroad',
] as const;

const times = [
  'on Monday',
  'on Tuesday',
  'late on Wednesday',
  'on Thursday evening',
  'on Friday',
  'over the weekend',
  'this week',
  'earlier this month',
  'after months of talks',
  'for the second time this year',
  'last year',
] as const;

const said = ['said', 'told reporters', 'wrote in a statement', 'said in an interview', 'added'] as const;

const quotes = [
  'We cannot wait another year for a decision',
  'This is a step in the right direction',
  'The numbers speak for themselves',
  'Nobody asked the people who live here',
  'We will study the proposal carefully',
  'It is too early to draw conclusions',
  'The costs have been badly underestimated',
  'Our priority is the safety of passengers',
] as const;

const openers = ['However,', 'Meanwhile,', 'According to officials,', 'In a separate development,', 'Critics say', 'By contrast,'] as const;

const subheadings = [
  'What happens next',
  'Reaction from the opposition',
  'The numbers behind the decision',
  'A long history',
  'Voices from the street',
  'What the experts say',
  'Background',
  'The cost to taxpayers',
] as const;

const listItems = [
  'a freeze on public sector hiring',
  'new funding for rural schools',
  'lower tariffs on imported grain',
  'an independent audit of the project',
  'extended opening hours for clinics',
  'a public consultation before any vote',
  'compensation for affected households',
  'a timetable for the next phase',
] as const;

const linkTexts = ['the full report', 'the official statement', 'the court ruling', 'our earlier coverage', 'the published data'] as const;

const headlineNouns = ['Budget', 'Bridge', 'Strike', 'Election', 'Harvest', 'Museum', 'Tariffs', 'Pensions', 'Port', 'Festival', 'Court', 'Rates'] as const;
const headlineTails = [
  'vote delayed again',
  'plan faces opposition',
  'talks end without deal',
  'wins cautious approval',
  'costs rise sharply',
  'reopens after repairs',
  'reform divides coalition',
  'ruling expected this week',
  'record set in Valdor',
  'row deepens',
] as const;

export const en: LanguagePack = {
  subjects,
  verbs,
  objects,
  places,
  times,
  said,
  quotes,
  openers,
  subheadings,
  listItems,
  linkTexts,
  sentence(rng) {
    const kind = rng.int(0, 9);
    if (kind === 0) return `“${rng.pick(quotes)},” ${rng.pick(subjects)} ${rng.pick(said)}.`;
    const core = `${rng.pick(subjects)} ${rng.pick(verbs)} ${rng.pick(objects)} ${rng.pick(places)} ${rng.pick(times)}`;
    return kind < 3 ? `${rng.pick(openers)} ${core}.` : `${capitalise(core)}.`;
  },
  headline: (rng) => `${rng.pick(headlineNouns)} ${rng.pick(headlineTails)} ${rng.pick(places)}`,
  alt: (rng) => `${capitalise(rng.pick(subjects))} ${rng.pick(places)}`,
  caption: (rng) => `${capitalise(rng.pick(subjects))} ${rng.pick(places)} ${rng.pick(times)}`,
};
