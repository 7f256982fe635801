import { XMLValidator } from 'fast-xml-parser';
import { DetectError, parseFeed as parseAnyFeed } from 'feedsmith';
import { findJsonSyntaxError, positionOf } from './json-syntax.ts';
import { toParsedFeed } from './map.ts';
import { FeedError, type ParsedFeed } from './types.ts';

// Characters XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/FFFF). Real feeds carry
// them (pasted from word processors); readers drop them rather than refuse the whole feed.
// eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
const FORBIDDEN_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// "&" that starts no entity or character reference ("Johnson & Johnson"): escaped, as feed readers do.
const BARE_AMPERSAND = /&(?!(?:[a-zA-Z][a-zA-Z0-9._-]*|#[0-9]+|#x[0-9a-fA-F]+);)/g;
const HTML_START = /^(?:<\?xml[^>]{0,200}>\s*)?(?:<!--[^]{0,2000}?-->\s*)*(?:<!doctype\s+html\b|<html[\s>]|<head[\s>]|<body[\s>])/i;
const XML_ROOT = /^(?:<\?[^]{0,500}?\?>\s*|<!--[^]{0,2000}?-->\s*|<!DOCTYPE[^>]{0,500}>\s*)*<([a-zA-Z_][\w:.-]*)/;

function repairXml(xml: string): string {
  return xml.replace(FORBIDDEN_XML_CHARS, '').replace(BARE_AMPERSAND, '&amp;');
}

function endPosition(text: string): { line: number; column: number } {
  return positionOf(text, text.length);
}

type Position = { line: number; column: number };

function parseError(reason: string, position: Position, options: { truncated?: boolean; cause?: unknown } = {}): FeedError {
  const hint = options.truncated ? ' (truncated file?)' : '';
  return new FeedError('PARSE_ERROR', `${reason} at line ${position.line}, column ${position.column}${hint}`, { ...position, cause: options.cause });
}

/** Maps a position in the text after leading whitespace back to the body as served. */
type Shift = (position: Position) => Position;

function shiftPast(skipped: string): Shift {
  const newlines = skipped.split('\n').length - 1;
  const lastLine = skipped.length - skipped.lastIndexOf('\n') - 1;
  return (p) => (p.line === 1 ? { line: 1 + newlines, column: p.column + lastLine } : { line: p.line + newlines, column: p.column });
}

function checkWellFormed(xml: string, shift: Shift): void {
  const result = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (result === true) return;
  const { code, msg, line, col } = result.err;
  // The validator reports unclosed elements at the end as "Invalid '[ "rss", "channel" ]' found." at line 1.
  if (code === 'InvalidXml' && /^Invalid '\[/.test(msg)) {
    throw parseError('the XML ends early', shift(endPosition(xml)), { truncated: true });
  }
  if (/^Unclosed|ends? (?:early|unexpectedly)|Unexpected end/i.test(msg)) {
    throw parseError('the XML ends early', shift(endPosition(xml)), { truncated: true });
  }
  throw parseError(`the XML is malformed (${msg.replace(/\.$/, '')})`, shift({ line, column: col }));
}

function notAFeed(reason: string): FeedError {
  return new FeedError('NOT_A_FEED', reason);
}

function parseJson(text: string, base: string | undefined): ParsedFeed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    const found = findJsonSyntaxError(text);
    const at = positionOf(text, found?.offset ?? text.length);
    if (found?.endsEarly) throw parseError('the JSON ends early', at, { truncated: true, cause });
    throw parseError(`the JSON is malformed (${found?.reason ?? (cause as Error).message})`, at, { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw notAFeed('the body is JSON but not a JSON Feed (not an object)');
  const version = (value as { version?: unknown }).version;
  if (typeof version !== 'string' || !version.startsWith('https://jsonfeed.org/version/')) {
    throw notAFeed('the body is JSON but not a JSON Feed (no "version": "https://jsonfeed.org/version/1.1")');
  }
  try {
    return toParsedFeed(parseAnyFeed(value), base);
  } catch (cause) {
    throw notAFeed(`the JSON Feed could not be read (${(cause as Error).message})`);
  }
}

function parseXml(text: string, shift: Shift, contentType: string | undefined, base: string | undefined): ParsedFeed {
  if (HTML_START.test(text.slice(0, 4096))) throw notAFeed('the server answered with an HTML page, not a feed');
  const rootMatch = XML_ROOT.exec(text.slice(0, 8192));
  const root = rootMatch?.[1];
  if (rootMatch === null || root === undefined) throw parseError('the XML has no root element', shift({ line: 1, column: 1 }));
  const rootName = root.toLowerCase();
  if (rootName === 'html') throw notAFeed('the server answered with an HTML page, not a feed');
  const repaired = repairXml(text);
  checkWellFormed(repaired, shift);
  try {
    return toParsedFeed(parseAnyFeed(repaired), base);
  } catch (cause) {
    if (cause instanceof DetectError || !['rss', 'feed', 'rdf:rdf', 'rdf'].includes(rootName)) {
      const html = contentType !== undefined && /html/i.test(contentType);
      throw notAFeed(html ? 'the server answered with an HTML page, not a feed' : `the XML is not a feed (its root element is <${root}>, not <rss>, <feed> or <rdf:RDF>)`);
    }
    const at = shift(positionOf(text, rootMatch[0].length - root.length - 1));
    throw parseError(`the ${rootName === 'feed' ? 'Atom' : 'RSS'} feed could not be read (${(cause as Error).message})`, at, { cause });
  }
}

/**
 * Parses a feed body of any supported format. `contentType` only breaks ties (the body decides);
 * `baseUrl` (the feed's address) resolves relative links. Throws FeedError: NOT_A_FEED (HTML, empty,
 * some other JSON/XML) or PARSE_ERROR (with line and column). Messages do not name the URL: fetchFeed adds it.
 */
export function parseFeed(body: string, contentType?: string, baseUrl?: string): ParsedFeed {
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  const start = text.search(/\S/);
  if (start === -1) throw notAFeed('the body is empty');
  const first = text[start];
  // An XML declaration must come first: skip the blank lines some servers print before it, keeping positions true.
  if (first === '<') return parseXml(text.slice(start), shiftPast(text.slice(0, start)), contentType, baseUrl);
  if (first === '{' || first === '[') return parseJson(text, baseUrl);
  const preview = JSON.stringify(text.slice(start, start + 40));
  throw notAFeed(`the body is neither XML nor JSON (it starts with ${preview})`);
}
