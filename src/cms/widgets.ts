/**
 * Decap's list widget, reading a field written as one value (`byline: Jana Novak`) as a
 * list of one (src/cms/admin.ts): the contract takes both, and Decap's own list widget
 * stops the whole editor on a single value.
 */
export const ONE_OR_MORE_WIDGET = 'one_or_more';
