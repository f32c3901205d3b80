/**
 * Masthead's Eleventy configuration only composes local plugins, one per concern.
 * Templates live in layouts/pages/; articles are read by the content loader, not by
 * Eleventy (see docs/architecture.md).
 */
import type UserConfig from '@11ty/eleventy/UserConfig';
import { assets } from './src/render/assets.ts';
import { contentData } from './src/render/build-data-plugin.ts';
import { headers } from './src/outputs/headers.ts';
import { photos } from './src/photos/prepare.ts';
import { tsxTemplates } from './src/render/templates-plugin.ts';

export default function masthead(config: UserConfig): void {
  config.addPlugin(tsxTemplates);
  config.addPlugin(contentData);
  config.addPlugin(assets);
  config.addPlugin(photos);
  config.addPlugin(headers);
}

export const config = {
  dir: { input: 'layouts' },
  templateFormats: ['11ty.tsx'],
  markdownTemplateEngine: false as const,
  htmlTemplateEngine: false as const,
};
