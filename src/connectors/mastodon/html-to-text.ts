/**
 * Mastodon serves a status as sanitised HTML (`content`); the inbox, the safety checks and the
 * reconciliation compare plain text. This converts the HTML Mastodon (and the servers it federates
 * with) emits: paragraphs and <br> become line breaks, list items keep a marker, tags go, entities
 * are decoded, and the "invisible" spans Mastodon wraps around long links are kept so a link reads
 * as its full URL. Not a general HTML parser: no scripts, styles or CSS layout to honour.
 */

const BLOCKS = new Set(['p', 'div', 'blockquote', 'pre', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header', 'footer', 'table', 'tr']);
const DROPPED = new Set(['script', 'style', 'template']);
const VOID = new Set(['br', 'img', 'hr', 'wbr', 'meta', 'link', 'input', 'source']);

const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

export function htmlToText(html: string): string {
  const out = new TextBuilder();
  const lists: Array<{ ordered: boolean; n: number }> = [];
  let pre = 0;
  let skipping: { tag: string; depth: number } | undefined;
  let last = 0;

  for (const match of html.matchAll(TOKEN)) {
    if (!skipping) out.text(decodeEntities(html.slice(last, match.index)), pre > 0);
    last = match.index + match[0].length;
    const [, closing, rawTag, attributes = ''] = match;
    if (rawTag === undefined) continue; // a comment
    const tag = rawTag.toLowerCase();
    const selfClosing = VOID.has(tag) || attributes.trimEnd().endsWith('/');

    if (skipping) {
      if (tag === skipping.tag && !selfClosing) skipping.depth += closing ? -1 : 1;
      if (skipping.depth === 0) skipping = undefined;
      continue;
    }
    if (!closing && !selfClosing && (DROPPED.has(tag) || isQuoteFallback(attributes))) {
      // Mastodon 4.5 prepends "RE: <link>" (class quote-inline) for clients without quote support.
      skipping = { tag, depth: 1 };
      continue;
    }

    if (tag === 'br') out.hardBreak();
    else if (tag === 'li' && !closing) {
      out.blockBreak(1);
      const list = lists.at(-1);
      if (list) list.n += 1;
      out.text(list?.ordered ? `${list.n}. ` : '- ', true);
    } else if (tag === 'ul' || tag === 'ol') {
      if (closing) lists.pop();
      else lists.push({ ordered: tag === 'ol', n: 0 });
      out.blockBreak(lists.length > (closing ? 0 : 1) ? 1 : 2);
    } else if (BLOCKS.has(tag)) {
      if (tag === 'pre') pre += closing ? -1 : 1;
      out.blockBreak(tag === 'li' || tag === 'tr' || tag === 'div' ? 1 : 2);
    }
  }
  if (!skipping) out.text(decodeEntities(html.slice(last)), pre > 0);
  return out.toString();
}

function isQuoteFallback(attributes: string): boolean {
  return /\bclass\s*=\s*["'][^"']*\bquote-inline\b/i.test(attributes);
}

/** Collects text, collapsing HTML whitespace and merging the breaks blocks ask for. */
class TextBuilder {
  private result = '';
  private pendingBreaks = 0;

  text(value: string, preformatted: boolean): void {
    const text = preformatted ? value : value.replace(/[ \t\n\r\f]+/g, ' ');
    if (text === '') return;
    if (this.pendingBreaks > 0) {
      const trimmed = preformatted ? text : text.replace(/^ +/, '');
      if (trimmed === '') return;
      if (this.result !== '') this.result = this.result.replace(/ +$/, '') + '\n'.repeat(this.pendingBreaks);
      this.pendingBreaks = 0;
      this.result += trimmed;
      return;
    }
    // A space right after a line break is layout, not content.
    this.result += this.result === '' || this.result.endsWith('\n') ? (preformatted ? text : text.replace(/^ +/, '')) : text;
  }

  hardBreak(): void {
    this.flushBreaks();
    this.result = this.result.replace(/ +$/, '') + '\n';
  }

  blockBreak(lines: number): void {
    this.pendingBreaks = Math.max(this.pendingBreaks, lines);
  }

  private flushBreaks(): void {
    if (this.pendingBreaks > 0 && this.result !== '') this.result = this.result.replace(/ +$/, '') + '\n'.repeat(this.pendingBreaks);
    this.pendingBreaks = 0;
  }

  toString(): string {
    return this.result.replace(/[ \t]+$/gm, '').replace(/^\n+|\s+$/g, '');
  }
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  laquo: '«', raquo: '»', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™',
  euro: '€', pound: '£', yen: '¥', cent: '¢', deg: '°', plusmn: '±', times: '×', divide: '÷',
  shy: '\u00ad', zwj: '\u200d', zwnj: '\u200c',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      // U+0000 and surrogates are not characters; HTML replaces them.
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}
