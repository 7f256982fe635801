import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConnectorDescription, NetworkCapabilities } from '../../connectors/types.ts';
import { checkDraft, type ComposerFinding, type ComposerTarget, type DraftImage, type PostDraft } from './index.ts';

// Test-only stand-ins for what the connectors declare.
const CAPABILITIES: NetworkCapabilities = { publishText: true, publishImages: true, threads: true, reply: true, delete: true, notifications: true, postMetrics: true, searchPosts: true, impressions: false };

const BLUESKY: ConnectorDescription = {
  network: 'bluesky',
  displayName: 'Bluesky',
  capabilities: CAPABILITIES,
  limits: { textLength: 300, counting: { kind: 'graphemes' }, imagesPerPost: 4, altTextLength: 2000, imageBytes: 1_000_000 },
  credentialFields: [],
};
const MASTODON: ConnectorDescription = {
  network: 'mastodon',
  displayName: 'Mastodon',
  capabilities: CAPABILITIES,
  limits: { textLength: 500, counting: { kind: 'characters_urls_fixed', urlLength: 23 }, imagesPerPost: 4, altTextLength: 1500, imageBytes: 16_000_000 },
  credentialFields: [],
};
const X: ComposerTarget = {
  network: 'x',
  displayName: 'X',
  capabilities: { threads: true, publishImages: true },
  limits: { textLength: 280, counting: { kind: 'twitter_weighted' }, imagesPerPost: 4, altTextLength: 1000, imageBytes: 5_000_000 },
};
const ALL = [BLUESKY, MASTODON, X];

const image = (overrides: Partial<DraftImage> = {}): DraftImage => ({ altText: 'A nurse checks a newborn’s heartbeat with a stethoscope', mimeType: 'image/jpeg', bytes: 300_000, ...overrides });
const draft = (overrides: Partial<PostDraft> = {}): PostDraft => ({ text: 'Our cardiology team is hiring.', ...overrides });
const byRule = (findings: ComposerFinding[], rule: ComposerFinding['rule']) => findings.filter((f) => f.rule === rule);

describe('checking a draft', () => {
  test('a plain post to every network is not blocked and reports its length per network', () => {
    const result = checkDraft(draft(), ALL);
    assert.deepEqual(result.findings, []);
    assert.equal(result.blocked, false);
    assert.deepEqual(result.perNetwork, {
      bluesky: { length: 30, limit: 300, remaining: 270 },
      mastodon: { length: 30, limit: 500, remaining: 470 },
      x: { length: 30, limit: 280, remaining: 250 },
    });
  });

  test('a 301-grapheme post is blocked on Bluesky with the overflow span', () => {
    const text = `${'🫀'.repeat(10)}${'a'.repeat(291)}`;
    const result = checkDraft(draft({ text }), [BLUESKY, MASTODON]);
    const [finding, ...others] = byRule(result.findings, 'length');
    assert.equal(others.length, 0, 'Mastodon allows 500');
    assert.deepEqual(finding, {
      rule: 'length',
      severity: 'block',
      message: 'The post is 301 characters long on Bluesky, over the limit of 300 by 1.',
      span: { start: text.length - 1, end: text.length },
      network: 'bluesky',
      field: 'text',
    });
    assert.equal(result.blocked, true);
    assert.deepEqual(result.perNetwork.bluesky, { length: 301, limit: 300, remaining: -1 });
  });

  test('a 300-grapheme post fits Bluesky exactly', () => {
    const result = checkDraft(draft({ text: 'a'.repeat(300) }), [BLUESKY]);
    assert.equal(result.blocked, false);
    assert.equal(result.perNetwork.bluesky?.remaining, 0);
  });

  test('141 CJK characters are blocked on X only, where each weighs two', () => {
    const result = checkDraft(draft({ text: '病'.repeat(141) }), ALL);
    assert.deepEqual(byRule(result.findings, 'length').map((f) => [f.network, f.span]), [['x', { start: 140, end: 141 }]]);
    assert.equal(result.perNetwork.x?.length, 282);
  });

  test('a long URL costs 23 on Mastodon but its full length on Bluesky', () => {
    const text = `${'a'.repeat(250)} https://riverside.example.org/${'b'.repeat(60)}`;
    const result = checkDraft(draft({ text }), [BLUESKY, MASTODON]);
    assert.deepEqual(byRule(result.findings, 'length').map((f) => f.network), ['bluesky']);
    assert.equal(result.perNetwork.mastodon?.length, 274);
  });

  test('the limits come from the description, so a network with a short limit blocks a short post', () => {
    const tiny: ComposerTarget = { network: 'tiny', capabilities: { threads: false, publishImages: false }, limits: { ...BLUESKY.limits, textLength: 10 } };
    const [finding] = checkDraft(draft(), [tiny]).findings;
    assert.equal(finding?.rule, 'length');
    assert.equal(finding?.message, 'The post is 30 characters long on tiny, over the limit of 10 by 20.');
  });
});

describe('images and alt text', () => {
  test('an image without alt text is refused', () => {
    const result = checkDraft(draft({ images: [image(), image({ altText: undefined })] }), ALL);
    assert.deepEqual(byRule(result.findings, 'alt_text_missing'), [
      { rule: 'alt_text_missing', severity: 'block', message: 'Image 2 of the post has no alt text; describe the image before publishing.', field: 'images[1].altText' },
    ]);
    assert.equal(result.blocked, true);
  });

  test('blank or whitespace alt text is refused like missing alt text', () => {
    const result = checkDraft(draft({ images: [image({ altText: '' }), image({ altText: '   ' }), image({ altText: null })] }), [BLUESKY]);
    assert.deepEqual(byRule(result.findings, 'alt_text_missing').map((f) => f.field), ['images[0].altText', 'images[1].altText', 'images[2].altText']);
  });

  test('an image without alt text is refused even when no network is chosen yet', () => {
    assert.equal(checkDraft(draft({ images: [image({ altText: undefined })] }), []).blocked, true);
  });

  test('alt text that is just a file name gets a warning', () => {
    for (const altText of ['IMG_2041.jpg', 'image', 'Photo 3', 'DSC_0042', 'hero-banner.png', 'Screenshot 2024-05-01 at 10.02.11.png', 'alt text']) {
      const [finding] = byRule(checkDraft(draft({ images: [image({ altText })] }), [BLUESKY]).findings, 'alt_text_filename');
      assert.equal(finding?.severity, 'warn', altText);
      assert.equal(finding?.field, 'images[0].altText');
    }
  });

  test('a real description is not mistaken for a file name', () => {
    for (const altText of ['Dr. Patel points at a chest X-ray on a lightbox', 'Chart of flu cases by month, from report.png', 'Image of the new NICU entrance at dusk']) {
      assert.deepEqual(checkDraft(draft({ images: [image({ altText })] }), [BLUESKY]).findings, [], altText);
    }
  });

  test('alt text longer than a network stores is blocked for that network only', () => {
    const result = checkDraft(draft({ images: [image({ altText: 'a'.repeat(1600) })] }), ALL);
    assert.deepEqual(byRule(result.findings, 'alt_text_too_long').map((f) => [f.network, f.field, f.message]), [
      ['mastodon', 'images[0].altText', 'Image 1 of the post has 1600 characters of alt text; Mastodon allows 1500.'],
      ['x', 'images[0].altText', 'Image 1 of the post has 1600 characters of alt text; X allows 1000.'],
    ]);
  });

  test('a fifth image is blocked on every network allowing four', () => {
    const result = checkDraft(draft({ images: [image(), image(), image(), image(), image()] }), [BLUESKY, MASTODON]);
    assert.deepEqual(byRule(result.findings, 'image_count').map((f) => [f.network, f.field, f.message]), [
      ['bluesky', 'images', 'The post has 5 images; Bluesky allows 4 per post.'],
      ['mastodon', 'images', 'The post has 5 images; Mastodon allows 4 per post.'],
    ]);
  });

  test('a 2 MB image is too large for Bluesky but fine for Mastodon', () => {
    const result = checkDraft(draft({ images: [image(), image({ bytes: 2_000_000 })] }), [BLUESKY, MASTODON]);
    assert.deepEqual(byRule(result.findings, 'image_too_large'), [
      { rule: 'image_too_large', severity: 'block', message: 'Image 2 of the post is 2 MB; Bluesky allows 1 MB.', network: 'bluesky', field: 'images[1]' },
    ]);
  });

  test('images to a network that cannot publish them are blocked', () => {
    const textOnly: ComposerTarget = { ...X, network: 'textonly', capabilities: { threads: true, publishImages: false } };
    const [finding] = checkDraft(draft({ images: [image()] }), [textOnly]).findings;
    assert.equal(finding?.rule, 'images_unsupported');
    assert.equal(finding?.severity, 'block');
  });
});

describe('threads', () => {
  test('thread parts are blocked on a network without threads', () => {
    const noThreads: ConnectorDescription = { ...BLUESKY, capabilities: { ...CAPABILITIES, threads: false } };
    const result = checkDraft(draft({ thread: [{ text: 'Part two' }] }), [noThreads, MASTODON]);
    assert.deepEqual(result.findings, [
      { rule: 'thread_unsupported', severity: 'block', message: 'Bluesky cannot publish threads; the draft has 1 follow-up part(s). Remove them or leave Bluesky out.', network: 'bluesky', field: 'thread' },
    ]);
    assert.deepEqual(result.perNetwork.mastodon?.thread, [{ length: 8, remaining: 492 }]);
    assert.equal(result.perNetwork.bluesky?.thread, undefined);
  });

  test('each thread part is checked on its own and named by its field', () => {
    const result = checkDraft(draft({ thread: [{ text: 'ok' }, { text: 'a'.repeat(301), images: [image({ altText: ' ' })] }] }), [BLUESKY]);
    assert.deepEqual(result.findings.map((f) => [f.rule, f.field]), [
      ['alt_text_missing', 'thread[1].images[0].altText'],
      ['length', 'thread[1].text'],
    ]);
    assert.match(result.findings[0]?.message ?? '', /^Image 1 of thread part 3 /);
    assert.match(result.findings[1]?.message ?? '', /^Thread part 3 is 301 characters long on Bluesky/);
  });
});

describe('empty posts and link previews', () => {
  test('a whitespace-only post without images is blocked', () => {
    const result = checkDraft(draft({ text: ' \n\t ' }), [BLUESKY]);
    assert.deepEqual(result.findings, [{ rule: 'empty', severity: 'block', message: 'The post is empty: write some text or add an image.', field: 'text' }]);
  });

  test('an image with no text is a post', () => {
    assert.equal(checkDraft(draft({ text: '', images: [image()] }), [BLUESKY]).blocked, false);
  });

  test('an empty thread part is blocked', () => {
    const result = checkDraft(draft({ thread: [{ text: '' }] }), [BLUESKY]);
    assert.deepEqual(result.findings.map((f) => [f.rule, f.field, f.message]), [['empty', 'thread[0].text', 'Thread part 2 is empty: write some text or add an image.']]);
  });

  test('the first URL gets the preview card', () => {
    const text = 'Flu clinic hours: https://riverside.example.org/flu and https://example.com/map';
    const result = checkDraft(draft({ text }), [BLUESKY]);
    assert.equal(result.linkPreviewUrl, 'https://riverside.example.org/flu');
    const [finding] = byRule(result.findings, 'link_preview');
    assert.equal(finding?.severity, 'info');
    assert.equal(text.slice(finding?.span?.start, finding?.span?.end), 'https://riverside.example.org/flu');
    assert.equal(result.blocked, false);
  });

  test('a post with images gets no preview card', () => {
    const result = checkDraft(draft({ text: 'See https://riverside.example.org/flu', images: [image()] }), [BLUESKY]);
    assert.equal(result.linkPreviewUrl, undefined);
    assert.match(byRule(result.findings, 'link_preview')[0]?.message ?? '', /without a preview card/);
  });
});
