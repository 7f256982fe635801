import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEntities, htmlToText } from './html-to-text.ts';

test('paragraphs become blank-line separated and <br> a single line break', () => {
  assert.equal(htmlToText('<p>Visiting hours change.</p><p>From Monday:<br>9am–8pm<br/>daily</p>'), 'Visiting hours change.\n\nFrom Monday:\n9am–8pm\ndaily');
});

test('a mention reads as @name and a long link as its full URL, invisible spans included', () => {
  const html =
    '<p><span class="h-card" translate="no"><a href="https://mastodon.social/@trwnh" class="u-url mention">@<span>trwnh</span></a></span> see ' +
    '<a href="https://www.example-hospital.org/news/2025/visiting-hours" target="_blank" rel="nofollow noopener"><span class="invisible">https://www.</span>' +
    '<span class="ellipsis">example-hospital.org/news/2025</span><span class="invisible">/visiting-hours</span></a></p>';
  assert.equal(htmlToText(html), '@trwnh see https://www.example-hospital.org/news/2025/visiting-hours');
});

test('entities are decoded, named and numeric, and unknown ones are left as written', () => {
  assert.equal(decodeEntities('Tom &amp; Jerry &lt;3 &#39;hi&#39; &#x1F600; &quot;q&quot; &hellip; &bogus;'), 'Tom & Jerry <3 \'hi\' 😀 "q" … &bogus;');
  assert.equal(htmlToText('<p>a &lt;b&gt; is not a tag</p>'), 'a <b> is not a tag');
});

test('whitespace in the HTML source collapses, but not inside <pre>', () => {
  assert.equal(htmlToText('<p>one\n   two\tthree</p>\n<p>  four </p>'), 'one two three\n\nfour');
  assert.equal(htmlToText('<pre><code>line 1\n  line 2</code></pre>'), 'line 1\n  line 2');
});

test('list items keep a marker on their own line', () => {
  assert.equal(htmlToText('<p>Bring:</p><ul><li>ID card</li><li>insurance card</li></ul><ol><li>check in</li><li>wait</li></ol>'), 'Bring:\n\n- ID card\n- insurance card\n\n1. check in\n2. wait');
});

test('the quote fallback paragraph Mastodon adds for old clients is dropped', () => {
  const html = '<p class="quote-inline">RE: <a href="https://example.social/@a/1">https://example.social/@a/1</a></p><p>Great news!</p>';
  assert.equal(htmlToText(html), 'Great news!');
});

test('comments, scripts and attributes holding ">" do not leak into the text', () => {
  assert.equal(htmlToText('<p title="a > b">ok<!-- hidden --></p><script>alert(1)</script><p>done</p>'), 'ok\n\ndone');
});

test('plain text without tags passes through, trimmed', () => {
  assert.equal(htmlToText('  just text  '), 'just text');
  assert.equal(htmlToText(''), '');
});
