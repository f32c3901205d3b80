/**
 * Eleventy plugin: the stylesheet and site images in assets/ are published as they
 * are, and watched in the dev server (layouts import TypeScript from src/, which the
 * dev server restarts on; see package.json "start").
 */
import type UserConfig from '@11ty/eleventy/UserConfig';

export function staticAssets(config: UserConfig): void {
  config.addPassthroughCopy({ assets: 'assets' });
  config.addWatchTarget('./assets/');
  config.addWatchTarget('./layouts/components/');
}
