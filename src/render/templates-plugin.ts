/**
 * Eleventy plugin: `*.11ty.tsx` templates, rendered by Masthead's JSX runtime
 * (src/render/jsx/jsx-runtime.ts). It escapes every string it is given; raw HTML can only enter
 * through an explicit `dangerouslySetInnerHTML` (the rendered Markdown body, the JSON-LD block).
 *
 * Eleventy imports each template itself; Node loads `.tsx` through src/render/jsx/tsx-modules.ts.
 */
import type UserConfig from '@11ty/eleventy/UserConfig';
import { type Children, renderToString } from '#jsx/jsx-runtime';
import { renderFailure } from './page-errors.ts';

const toHtml = (out: unknown): string => (typeof out === 'string' ? out : renderToString(out as Children));

export function tsxTemplates(config: UserConfig): void {
  config.addExtension(['11ty.tsx'], {
    key: '11ty.js',
    compile() {
      return async function (this: { defaultRenderer(data: unknown): Promise<unknown> }, data: unknown) {
        try {
          return toHtml(await this.defaultRenderer(data));
        } catch (error) {
          // Named by the story or page it was rendering (src/render/page-errors.ts).
          throw renderFailure(data, error);
        }
      };
    },
  });
  config.addTemplateFormats(['11ty.tsx']);
  // Eleventy re-parses every HTML page for its own attribute features (`<base>`, relative
  // passthrough copies), none of which these templates use.
  delete (config.transforms as Record<string, unknown>)['@11ty/eleventy/html-transformer'];
}
