/**
 * Masthead's Eleventy configuration only composes local plugins: the `.11ty.tsx`
 * templates of layouts/pages/, and the Build they render as the global `masthead`.
 * Articles are read by the content stage, not by Eleventy (see docs/architecture.md).
 */
import type UserConfig from '@11ty/eleventy/UserConfig';
import { buildData } from './src/render/build-data-plugin.ts';
import { tsxTemplates } from './src/render/templates-plugin.ts';

export default function masthead(config: UserConfig): void {
  config.addPlugin(tsxTemplates);
  config.addPlugin(buildData);
}

export const config = {
  dir: { input: 'layouts' },
  templateFormats: ['11ty.tsx'],
  markdownTemplateEngine: false as const,
  htmlTemplateEngine: false as const,
};
