/**
 * HTML → PDF with Chromium driven by playwright-core: the Chromium the project already uses for
 * its UI tests (Debian's /usr/bin/chromium, or BEDSIDE_CHROMIUM). Never downloads a browser.
 * Without it the PDF is refused with PDF_UNAVAILABLE; the HTML and CSV of a report still work.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { OperationError } from './errors.ts';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
// The same switches as the UI tests: headless, no GPU, nothing fetched from the network by Chromium itself.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const MARGIN = { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' };

export function chromiumPath(): string {
  return process.env.BEDSIDE_CHROMIUM || DEFAULT_CHROMIUM;
}

function unavailable(why: string): OperationError {
  return new OperationError('PDF_UNAVAILABLE', `PDF rendering is unavailable: ${why}. Install Chromium (Debian: apt-get install chromium) or set BEDSIDE_CHROMIUM to its path; the HTML and CSV formats work without it.`);
}

/** Starts headless Chromium, or throws PDF_UNAVAILABLE saying what is missing. */
export async function launchChromium(executablePath = chromiumPath()): Promise<Browser> {
  if (!existsSync(executablePath)) throw unavailable(`no Chromium at ${executablePath}`);
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw unavailable('the playwright-core package is not installed (npm install without --omit=dev)');
  }
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30_000 });
  } catch (err) {
    throw unavailable(`Chromium at ${executablePath} did not start (${(err as Error).message.split('\n')[0]})`);
  }
}

// One render at a time: each holds a browser (a few hundred MB), and the server shares its cores.
let queue: Promise<unknown> = Promise.resolve();

/**
 * The HTML document printed to an A4 PDF, backgrounds included, with "page n of m" in the footer.
 * Pass `browser` to reuse one that is running; otherwise one is started and closed.
 */
export async function htmlToPdf(html: string, options: { browser?: Browser; executablePath?: string } = {}): Promise<Uint8Array> {
  const run = async (): Promise<Uint8Array> => {
    const browser = options.browser ?? (await launchChromium(options.executablePath));
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      try {
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load', timeout: 30_000 });
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          margin: MARGIN,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          // The page's <title> (already escaped) and Chromium's own page counters.
          footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;color:#5a6472"><span class="title"></span> · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
        });
        return new Uint8Array(pdf);
      } finally {
        await context.close();
      }
    } finally {
      if (!options.browser) await browser.close();
    }
  };
  const turn = queue.then(run, run);
  queue = turn.catch(() => undefined);
  return turn;
}
