import { decodeHTML } from 'entities';

/** Longest text kept per item: enough to match keywords and show a preview, small enough to store by the thousand. */
export const MAX_TEXT_LENGTH = 10_000;

// Raw text gathered before decoding; decoding and collapsing only shrink it, so this bounds the work on huge content.
const MAX_RAW_LENGTH = MAX_TEXT_LENGTH * 8;

const TAG_NAME = /<\/?([a-zA-Z][a-zA-Z0-9:-]*)/y;
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'img', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'td', 'th', 'tr', 'ul',
]);
const SKIPPED_CONTENT = new Set(['script', 'style', 'template', 'noscript']);

/** Cuts at `max` UTF-16 units without splitting a surrogate pair. */
export function truncate(text: string, max: number = MAX_TEXT_LENGTH): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Collapses runs of whitespace (including no-break spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/**
 * Plain text of an HTML fragment: tags removed (block tags become spaces, script/style dropped with
 * their content), entities decoded, whitespace collapsed, at most MAX_TEXT_LENGTH characters.
 * One pass with indexOf, no backtracking regex: linear on hostile input.
 */
export function htmlToPlainText(html: string): string {
  const parts: string[] = [];
  let gathered = 0;
  let i = 0;
  const length = html.length;
  while (i < length && gathered < MAX_RAW_LENGTH) {
    const lt = html.indexOf('<', i);
    const runEnd = lt === -1 ? length : lt;
    if (runEnd > i) {
      parts.push(html.slice(i, runEnd));
      gathered += runEnd - i;
    }
    if (lt === -1) break;
    i = lt;
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end === -1 ? length : end + 3;
      continue;
    }
    if (html.startsWith('<![CDATA[', i)) {
      const end = html.indexOf(']]>', i + 9);
      parts.push(html.slice(i + 9, end === -1 ? length : end));
      i = end === -1 ? length : end + 3;
      continue;
    }
    TAG_NAME.lastIndex = i;
    const tag = TAG_NAME.exec(html);
    if (tag === null) {
      if (html.startsWith('<!', i) || html.startsWith('<?', i)) {
        const end = html.indexOf('>', i);
        i = end === -1 ? length : end + 1;
      } else {
        parts.push('<');
        gathered++;
        i++;
      }
      continue;
    }
    const end = html.indexOf('>', TAG_NAME.lastIndex);
    if (end === -1) break; // a tag cut off at the end of the content
    const name = (tag[1] as string).toLowerCase();
    const closing = html[i + 1] === '/';
    i = end + 1;
    if (!closing && SKIPPED_CONTENT.has(name)) {
      const closer = new RegExp(`</${name}\\s*>`, 'gi');
      closer.lastIndex = i;
      const found = closer.exec(html);
      i = found === null ? length : closer.lastIndex;
      parts.push(' ');
    } else if (BLOCK_TAGS.has(name)) {
      parts.push(' ');
    }
  }
  return truncate(collapseWhitespace(decodeHTML(parts.join(''))));
}

/** For text that is plain already (Atom type="text", JSON Feed content_text): whitespace collapsed and length capped. */
export function plainText(text: string): string {
  return truncate(collapseWhitespace(text.length > MAX_RAW_LENGTH ? text.slice(0, MAX_RAW_LENGTH) : text));
}
