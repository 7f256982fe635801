/**
 * Crisis words spelled to slip past platform filters ("k!ll myself", "su1cide", "unal!ve") are
 * written back in letters, one character for one, so every offset into the message still holds.
 * Only these words: a general leetspeak decoder would turn prices and ids into words.
 */
// An i or u, or a symbol standing for it; the plain spelling matches too and is rewritten to itself.
const I = String.raw`[i!1*|@]`;
const U = String.raw`[u*!1|@]`;
const EVASIVE = new RegExp(String.raw`\b(?:k${I}ll|s${U}${I}c${I}d|unal${I}v|d${I}e(?=[ \t,.!?]|$))`, 'gi');
const CANONICAL: Record<string, string> = { k: 'kill', s: 'suicid', u: 'unaliv', d: 'die' };

export function spelledOut(text: string): string {
  if (!/[a-z][!1*|@]/i.test(text)) return text;
  return text.replace(EVASIVE, (m) => {
    const word = CANONICAL[m[0]!.toLowerCase()]!;
    // Same length as the match, so offsets hold.
    return word.length === m.length ? word : m;
  });
}
