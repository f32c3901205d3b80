/**
 * Eleventy plugin: `*.11ty.tsx` templates, rendered by Masthead's JSX runtime
 * (src/jsx/jsx-runtime.ts). It escapes every string it is given; raw HTML can only enter
 * through an explicit `dangerouslySetInnerHTML` (the rendered Markdown body, the JSON-LD block).
 *
 * Eleventy imports each template itself (through tsx), except in a compiled build
 * (src/cli/run-compiled.mjs, ADR 015), where the templates are part of the bundle and
 * handed over here: Eleventy then takes each one's data and render function from it.
 */
import type UserConfig from '@11ty/eleventy/UserConfig';
import { renderToString, type Children } from '#jsx/jsx-runtime';

interface TemplateModule {
  data?: unknown;
  default: (data: unknown) => unknown;
}

let compiled: Record<string, TemplateModule> | undefined;

/** The templates of a compiled build, by their path under layouts/ ("pages/article.11ty.tsx"). */
export function useCompiledTemplates(templates: Record<string, TemplateModule>): void {
  compiled = templates;
}

export const usingCompiledTemplates = (): boolean => compiled !== undefined;

const toHtml = (out: unknown): string => (typeof out === 'string' ? out : renderToString(out as Children));

function compiledTemplate(inputPath: string): TemplateModule {
  const name = inputPath.split(/[\\/]/).slice(-2).join('/');
  const template = compiled?.[name];
  if (!template) throw new Error(`${inputPath} is not in the compiled build: compiled templates are those in layouts/pages/ (src/cli/run-compiled.mjs)`);
  return template;
}

export function tsxTemplates(config: UserConfig): void {
  if (compiled) {
    config.addExtension(['11ty.tsx'], {
      key: '11ty.js',
      getData: ['data'],
      getInstanceFromInputPath: async (inputPath: string) => compiledTemplate(inputPath),
      compile(_content: unknown, inputPath: string) {
        const render = compiledTemplate(inputPath).default;
        return async (data: unknown) => toHtml(await render(data));
      },
    });
  } else {
    config.addExtension(['11ty.tsx'], {
      key: '11ty.js',
      compile() {
        return async function (this: { defaultRenderer(data: unknown): Promise<unknown> }, data: unknown) {
          return toHtml(await this.defaultRenderer(data));
        };
      },
    });
  }
  config.addTemplateFormats(['11ty.tsx']);
}
