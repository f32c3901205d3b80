/**
 * Eleventy plugin: `*.11ty.tsx` templates, rendered with preact-render-to-string.
 * Preact escapes every string it is given; raw HTML can only enter through an explicit
 * `dangerouslySetInnerHTML`, which layouts use for the rendered Markdown body alone.
 */
import type UserConfig from '@11ty/eleventy/UserConfig';
import { renderToStaticMarkup } from 'preact-render-to-string';
import type { VNode } from 'preact';

export function tsxTemplates(config: UserConfig): void {
  config.addExtension(['11ty.tsx'], {
    key: '11ty.js',
    compile() {
      return async function (this: { defaultRenderer(data: unknown): Promise<unknown> }, data: unknown) {
        const out = await this.defaultRenderer(data);
        return typeof out === 'string' ? out : renderToStaticMarkup(out as VNode);
      };
    },
  });
  config.addTemplateFormats(['11ty.tsx']);
}
