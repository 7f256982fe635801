import type { Command } from 'commander';
import { ApiClient, apiOptions } from './api-client.ts';

type Api = { url?: string; token?: string };

interface Topics {
  topTerms: Array<{ term: string; kind: string; count: number }>;
  topQuestions: Array<{ question: string; count: number }>;
  emerging: { hour: Array<{ term: string; current: number; baselineMean: number }>; day: Array<{ term: string; current: number; baselineMean: number }> };
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function registerListen(program: Command): void {
  const listen = program.command('listen').description('Listening: saved queries and what the audience talks about — over the API');
  const query = listen.command('query').description('Saved listening queries');

  apiOptions(
    query
      .command('add')
      .description('Save a query: words, "phrases", AND/OR/NOT, parentheses, NEAR/n, author:, lang: (a mistake is shown at its column)')
      .requiredOption('--name <name>', 'what to call it')
      .requiredOption('--query <query>', 'e.g. ("flu shot" OR vaccin*) NOT job'),
  ).action(async (opts: { name: string; query: string } & Api) => {
    const api = new ApiClient(opts);
    // The validator answers with the caret line under the problem; the save would only name the column.
    const check = await api.call<{ ok: boolean; pointer?: string; message?: string; column?: number }>('POST', '/api/listening/validate', { query: opts.query });
    if (!check.ok) throw new Error(`the query was not saved: ${check.pointer ?? `${check.message} (column ${check.column})`}`);
    const saved = await api.call<{ id: string; name: string; query: string }>('POST', '/api/listening/queries', { name: opts.name, query: opts.query });
    console.log(`saved query ${saved.id}  ${saved.name}: ${saved.query}`);
  });

  apiOptions(query.command('list').description('Saved queries')).action(async (opts: Api) => {
    const { queries } = await new ApiClient(opts).call<{ queries: Array<{ id: string; name: string; query: string; createdAt: string }> }>('GET', '/api/listening/queries');
    if (queries.length === 0) console.log('no saved queries');
    for (const q of queries) console.log(`${q.id}  ${q.name.padEnd(24)} ${q.query}`);
  });

  apiOptions(
    listen
      .command('topics')
      .description('Top terms and questions of a period (default the last 7 days), and terms emerging in the last hour and day')
      .option('--from <date>', 'start (ISO date or time)')
      .option('--to <date>', 'end (default now)')
      .option('--json', 'the API answer as JSON'),
  ).action(async (opts: { from?: string; to?: string; json?: boolean } & Api) => {
    const to = opts.to ? new Date(opts.to) : new Date();
    const from = opts.from ? new Date(opts.from) : new Date(to.getTime() - 7 * 86_400_000);
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw new Error('--from and --to are dates: 2026-03-01 or 2026-03-01T00:00:00Z');
    const q = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
    const topics = await new ApiClient(opts).call<Topics>('GET', `/api/listening/topics?${q}`);
    if (opts.json) {
      console.log(JSON.stringify(topics, null, 2));
      return;
    }
    console.log(`top terms ${from.toISOString()} → ${to.toISOString()}:`);
    if (topics.topTerms.length === 0) console.log('  none yet');
    for (const t of topics.topTerms) console.log(`  ${String(t.count).padStart(5)}  ${t.term}${t.kind === 'word' ? '' : ` (${t.kind})`}`);
    console.log('top questions:');
    if (topics.topQuestions.length === 0) console.log('  none yet');
    for (const t of topics.topQuestions) console.log(`  ${String(t.count).padStart(5)}  ${oneLine(t.question, 90)}`);
    for (const window of ['hour', 'day'] as const) {
      const emerging = topics.emerging[window];
      console.log(`emerging in the last ${window}: ${emerging.length === 0 ? 'nothing unusual' : emerging.map((e) => `${e.term} (${e.current} vs ~${e.baselineMean.toFixed(1)})`).join(', ')}`);
    }
  });
}
