/**
 * HTML validity of a whole built site: the W3C Nu checker (vnu-jar, on the system's
 * Java) run ONCE over the folder, and html-validate with the repository's
 * .htmlvalidate.json (rules turned off are explained in docs/adr/003).
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type ConfigData, HtmlValidate, StaticConfigLoader } from 'html-validate';
import { repoRoot } from '../helpers/fixture-site.ts';

const VNU_JAR = path.join(repoRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/**
 * Nu checker errors as "file:line: message", relative to dir. `alsoCheck` files go into
 * the same run (one JVM start): the suite adds a known-invalid page to prove the
 * checker reports errors at all.
 */
export function runVnu(dir: string, alsoCheck: string[] = []): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(
      'java',
      ['-Xss2m', '-jar', VNU_JAR, '--errors-only', '--skip-non-html', '--format', 'json', dir, ...alsoCheck],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(new Error('java not found: the Nu HTML checker needs it (`apt-get install -y openjdk-17-jre-headless`; .ci/run installs it)'));
          return;
        }
        let messages: VnuMessage[];
        try {
          messages = (JSON.parse(stderr) as { messages: VnuMessage[] }).messages;
        } catch {
          reject(new Error(`vnu did not produce JSON (exit ${String(error?.code ?? 0)}): ${stderr.slice(0, 500)}`));
          return;
        }
        resolve(
          messages
            .filter((m) => m.type === 'error' || m.subType === 'fatal')
            // Tor Browser's onion-location is not in HTML's http-equiv list; it is how a
            // page names its onion address (Tor Project's spec, BBC's pages; ADR 021).
            .filter((m) => !/^Bad value “onion-location” for attribute “http-equiv” on element “meta”\.$/.test(m.message))
            .map(
              (m) =>
                `${path.relative(dir, decodeURIComponent(m.url?.replace(/^file:/, '') ?? ''))}:${m.lastLine ?? '?'}: ${m.message}${m.extract ? ` — ${m.extract.trim().slice(0, 80)}` : ''}`,
            ),
        );
      },
    );
  });
}

/** html-validate errors as "file:line:col rule: message", relative to dir. */
export async function runHtmlValidate(dir: string, files = htmlFiles(dir)): Promise<string[]> {
  const config = JSON.parse(readFileSync(path.join(repoRoot, '.htmlvalidate.json'), 'utf8')) as ConfigData;
  const validator = new HtmlValidate(new StaticConfigLoader(config));
  const problems: string[] = [];
  for (const file of files) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages) {
        if (m.severity === 2) problems.push(`${path.relative(dir, file)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
  }
  return problems;
}
