import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

/** A byte stream as text chunks, UTF-8 decoded without splitting characters at chunk edges. */
export async function* textChunks(stream: Readable | AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text.length > 0) yield text;
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}
