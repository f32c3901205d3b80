import { describe, expect, it } from 'vitest';
import { storyFileTarget } from './story-links.ts';

const FROM = 'content/en/2026/11/linking.md';

describe('storyFileTarget', () => {
  it.each([
    ['budget-vote.md', 'content/en/2026/11/budget-vote.md', ''],
    ['../10/budget-vote.md', 'content/en/2026/10/budget-vote.md', ''],
    ['./budget-vote.md#vote', 'content/en/2026/11/budget-vote.md', '#vote'],
    ['/content/ru/2026/11/%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B.md', 'content/ru/2026/11/выборы.md', ''],
    ['../../../../README.md', 'README.md', ''],
    ['../../../../../outside.md', '../outside.md', ''],
  ])('%s → %s', (href, file, fragment) => {
    expect(storyFileTarget(href, FROM)).toEqual({ file, fragment });
  });

  it.each(['https://example.org/a.md', '//example.org/a.md', 'mailto:a.md', '/en/2026/11/26/story/', 'notes.mdx', '#a.md', 'a.md.html', '%E0%A4%A.md'])(
    'is no story file link: %s',
    (href) => {
      expect(storyFileTarget(href, FROM)).toBeUndefined();
    },
  );
});
