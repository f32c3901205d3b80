import { describe, expect, it } from 'vitest';
import { dateProblem, mirrorProblem, onionProblem, onionUrl, reachProblems } from './reach.ts';
import { editionCodes, editions } from './registry.ts';

const ONION = 'd2gclmhewne3b2zdw4rxhlekdufxrtkjiimeb2yk7pxweposaapk4aqd';
const options = { baseUrl: 'https://meridian.example', editions: editionCodes };

describe('an onion address', () => {
  // [as written, what is wrong (a part of the message), or undefined]
  it.each([
    [`http://${ONION}.onion`, undefined],
    [`http://${ONION}.onion/`, undefined],
    [`http://${ONION.toUpperCase()}.onion`, undefined],
    [`https://${ONION}.onion`, 'must start with http://'],
    [`${ONION}.onion`, 'is not a URL'],
    ['http://mirror-1.meridian.example', 'is not an onion address'],
    [`http://${ONION}.onion:8080`, 'origin alone'],
    [`http://${ONION}.onion/en/`, 'origin alone'],
    [`http://user@${ONION}.onion`, 'origin alone'],
    ['http://expyuzz4wqqyqhjn.onion', 'is not a v3 onion address'],
    [`http://www.${ONION}.onion`, 'is not a v3 onion address'],
    [`http://${ONION.slice(0, -2)}bd.onion`, 'wrong checksum'],
    [`http://${ONION.replace('d2g', 'd3g')}.onion`, 'wrong checksum'],
  ])('%s', (value, problem) => {
    const found = onionProblem(value);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });
});

describe('a mirror', () => {
  it.each([
    ['https://mirror-1.meridian.example/', undefined],
    ['https://cdn.example/meridian/', undefined],
    ['https://mirror-1.meridian.example', undefined],
    ['https://meridian.example/copy/', undefined],
    ['http://mirror-1.meridian.example/', 'must start with https://'],
    ['https://cdn.example/meridian', 'must end with "/"'],
    ['https://cdn.example/?m=1', 'query or fragment'],
    [`https://${ONION}.onion/`, 'put it in reach.onion'],
    ['mirror-1.meridian.example', 'is not a URL'],
    ['https://meridian.example/', 'the main site itself'],
  ])('%s', (value, problem) => {
    const found = mirrorProblem(value, options);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });
});

describe('the day the addresses were checked', () => {
  it.each([
    ['2026-11-20', false],
    ['2026-13-40', true],
    ['2026-02-30', true],
    ['20.11.2026', true],
  ])('%s', (checked, wrong) => {
    expect(dateProblem(checked) !== undefined).toBe(wrong);
    if (wrong) expect(dateProblem(checked)).toContain('is not a date');
  });
});

describe('the sample editions', () => {
  it('have valid reach settings: no problem at start', () => {
    expect(reachProblems(process.cwd(), options)).toEqual([]);
  });

  it('give every page its address on the onion service, percent-encoded', () => {
    expect(onionUrl(editions.ru, '/ru/2026/11/26/маяк/')).toBe(`http://${ONION}.onion/ru/2026/11/26/%D0%BC%D0%B0%D1%8F%D0%BA/`);
  });
});
