/**
 * `npm start`: the dev server. Eleventy builds the site with drafts shown, serves it
 * with live reload and rebuilds on every edit to content/ or assets/. The npm script
 * restarts the whole process when src/ or layouts/ changes (`node --watch-path`):
 * Eleventy would re-import an edited template, but never the components and modules it
 * imports, so only a new process shows every edit.
 *
 * It writes into a folder of its own, `_dev/`, never `_site/`: its pages show drafts and
 * plain asset names, and a production build run meanwhile swaps `_site` to a new folder
 * (src/publish/publish.ts) that the dev server would not be writing to.
 *
 *   npm start -- [--port 8080] [--out _dev]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Eleventy } from '@11ty/eleventy';
import { buildFlags } from './build-flags.ts';

/** The dev server's output folder. */
export const DEV_OUTPUT_DIR = '_dev';

const USAGE = `Usage: npm start -- [--port 8080] [--out ${DEV_OUTPUT_DIR}]`;

export async function run(argv: string[], rootDir = process.cwd()): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string', default: '8080' }, out: { type: 'string', default: DEV_OUTPUT_DIR }, help: { type: 'boolean', default: false } },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: "${values.port}" is not a port number\n${USAGE}`);
    return 1;
  }
  const out = path.resolve(rootDir, values.out);
  if (out === path.resolve(rootDir, buildFlags.out.default)) {
    console.error(`--out: ${values.out} is where \`npm run build\` publishes; the dev server writes its own folder (default ${DEV_OUTPUT_DIR}/)\n${USAGE}`);
    return 1;
  }
  const eleventy = new Eleventy(path.join(rootDir, 'layouts'), out, {
    source: 'cli',
    runMode: 'serve',
    configPath: path.join(rootDir, '.eleventy.ts'),
  });
  await eleventy.init();
  await eleventy.watch();
  eleventy.serve(port);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await eleventy.stopWatch();
  return 0;
}
