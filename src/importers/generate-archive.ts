import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Writes an X archive tweets.js of about `targetBytes`, shaped like a real one (pretty-printed, entities), for memory checks. */
export async function writeLargeArchive(path: string, targetBytes: number): Promise<{ tweets: number; bytes: number }> {
  const out = createWriteStream(path);
  let bytes = 0;
  let tweets = 0;
  const write = async (text: string): Promise<void> => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('window.YTD.tweets.part0 = [');
  const base = 1_050_118_621_198_921_728n;
  while (bytes < targetBytes) {
    const id = (base + BigInt(tweets)).toString();
    const tweet = {
      tweet: {
        retweeted: false,
        source: '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
        entities: { hashtags: [{ text: 'FluSeason', indices: ['54', '64'] }], symbols: [], user_mentions: [], urls: [] },
        display_text_range: ['0', '88'],
        favorite_count: String(tweets % 97),
        id_str: id,
        truncated: false,
        retweet_count: String(tweets % 13),
        id,
        created_at: 'Wed Oct 10 20:19:24 +0000 2018',
        favorited: false,
        full_text: `Tweet ${tweets}: walk-in flu shots at all clinics this week &amp; next — ${'é'.repeat(tweets % 40)} #FluSeason`,
        lang: 'en',
      },
    };
    await write(`${tweets === 0 ? '' : ','}\n  ${JSON.stringify(tweet, null, 2).replace(/\n/g, '\n  ')}`);
    tweets++;
  }
  await write('\n]');
  out.end();
  await once(out, 'finish');
  return { tweets, bytes };
}
