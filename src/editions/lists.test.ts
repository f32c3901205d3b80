import { describe, expect, it } from 'vitest';
import { creditLine, formatList } from './lists.ts';
import { editions } from './registry.ts';

describe('wire credit line', () => {
  it.each([
    ['en', ['Reuters', 'Interfax', 'AFP'], 'With reporting by Reuters, Interfax, and AFP'],
    ['en', ['Reuters', 'AFP'], 'With reporting by Reuters and AFP'],
    ['en', ['AP'], 'With reporting by AP'],
    ['ru', ['Reuters', 'Interfax', 'AFP'], 'При участии Reuters, Interfax и AFP'],
    ['fa', ['رویترز', 'اینترفاکس', 'خبرگزاری فرانسه'], 'با گزارشی از رویترز،‏ اینترفاکس، و خبرگزاری فرانسه'],
  ] as const)('%s %j', (code, credits, expected) => {
    expect(creditLine(credits, editions[code])).toBe(expected);
  });

  it('formats bylines with the same locale rules', () => {
    expect(formatList(['Jana Novak', 'Omid Rahimi'], editions.ru)).toBe('Jana Novak и Omid Rahimi');
  });
});
