import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyWorkspace } from '../scorecard/constructed-histories.ts';
import { NASTY, reportInput } from './constructed-report.ts';
import { monthlyReport, renderReportHtml, TABLE_NAMES } from './index.ts';
import { formatCell } from './html.ts';

const report = monthlyReport(reportInput());
const html = renderReportHtml(report);

test('user text is escaped everywhere: no markup from a post or a name reaches the document', () => {
  assert.ok(!html.includes('<script'), 'no script element');
  assert.ok(!html.includes(NASTY));
  assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Flu &amp; &quot;RSV&quot; clinic =SUM(A1)'));
  assert.ok(html.includes('<title>Mercy &lt;Health&gt; &amp; &quot;Friends&quot; — monthly report, February 2026</title>'));
  assert.ok(!html.includes('javascript:'), 'a javascript: address is not linked');
  assert.ok(html.includes('<a href="https://bsky.app/profile/mercy.health/post/3abc">View post</a>'));
});

test('the document is self-contained: inline CSS and SVG, no script, nothing fetched', () => {
  assert.match(html, /^<!doctype html>\n<html lang="en">/);
  assert.ok(!/<script|<link\b|<img\b|<iframe|\bsrc=|@import|url\(/iu.test(html));
  assert.equal((html.match(/<svg /g) ?? []).length, 3, 'trend, response times, value mix');
  assert.equal((html.match(/role="img" aria-labelledby=/g) ?? []).length, 3, 'each chart is named for screen readers');
  assert.match(html, /<path d="M[^"]+Z" fill="#cfe3f1"/, 'the noise band is a closed, shaded area');
});

test('every table of the model is in the document with a caption and headers', () => {
  for (const name of TABLE_NAMES) {
    const t = report.tables.find((x) => x.name === name)!;
    if (t.rows.length > 0) assert.ok(html.includes(`<table id="t-${name}"><caption>`), name);
  }
  assert.ok(html.includes('<th scope="col"'));
  assert.ok(html.includes('<th scope="row">'));
  assert.match(html, /Ranked by <strong>conversation-weighted engagements<\/strong>/);
});

test('an empty workspace renders with what is missing and no charts', () => {
  const empty = emptyWorkspace();
  const doc = renderReportHtml(monthlyReport(reportInput({ month: '2026-03', history: empty, previousHistory: empty, conversations: [], postLinks: {} })));
  assert.match(doc, /<h2 id="missing-h">Not enough data yet<\/h2>/);
  assert.match(doc, /Month to date/);
  assert.match(doc, /no posts were published in March 2026/);
  assert.match(doc, /Overall: <strong>not enough data<\/strong>/);
  assert.ok(!doc.includes('<svg'));
});

test('cells are formatted by their column kind; no data reads as a dash, never 0', () => {
  assert.equal(formatCell(1234, { key: 'n', label: 'n', kind: 'count' }), '1,234');
  assert.equal(formatCell(12.34, { key: 'p', label: 'p', kind: 'percent' }), '12.3%');
  assert.equal(formatCell(-4, { key: 'c', label: 'c', kind: 'points' }), '−4');
  assert.equal(formatCell(3.5, { key: 'c', label: 'c', kind: 'points' }), '+3.5');
  assert.equal(formatCell(190, { key: 'm', label: 'm', kind: 'minutes' }), '3 h 10 min');
  assert.match(formatCell(null, { key: 'm', label: 'm', kind: 'minutes' }), /—/);
  assert.equal(formatCell('<b>', { key: 't', label: 't', kind: 'text' }), '&lt;b&gt;');
  assert.equal(formatCell('ftp://x', { key: 'l', label: 'l', kind: 'link' }), 'ftp://x');
});
