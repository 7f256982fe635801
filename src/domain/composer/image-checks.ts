/**
 * Image rules. Alt text is required: hospitals fall under accessibility law, so an image without a
 * real description is refused rather than published.
 */
import type { ComposerFinding, ComposerTarget, DraftImage, PartPlace } from './types.ts';

/** Findings that hold whatever the network: missing or placeholder alt text. */
export function altTextFindings(images: readonly DraftImage[], place: PartPlace): ComposerFinding[] {
  return images.flatMap((image, index): ComposerFinding[] => {
    const field = `${place.fieldPrefix}images[${index}].altText`;
    const altText = image.altText?.trim() ?? '';
    const which = `Image ${index + 1} of ${place.label}`;
    if (altText === '') {
      return [{ rule: 'alt_text_missing', severity: 'block', message: `${which} has no alt text; describe the image before publishing.`, field }];
    }
    if (looksLikeFileName(altText)) {
      return [{ rule: 'alt_text_filename', severity: 'warn', message: `${which} has "${altText}" as alt text, which says nothing about the image; describe what it shows.`, field }];
    }
    return [];
  });
}

/** Findings against one network's limits: support for images, how many, how large, how long the alt text. */
export function imageLimitFindings(images: readonly DraftImage[], target: ComposerTarget, place: PartPlace): ComposerFinding[] {
  if (images.length === 0) return [];
  const { network, limits } = target;
  const name = target.displayName ?? network;
  if (!target.capabilities.publishImages) {
    return [{ rule: 'images_unsupported', severity: 'block', message: `${name} cannot publish images; remove the ${images.length} image(s) from ${place.label}.`, network, field: `${place.fieldPrefix}images` }];
  }
  const findings: ComposerFinding[] = [];
  if (images.length > limits.imagesPerPost) {
    findings.push({ rule: 'image_count', severity: 'block', message: `${capitalise(place.label)} has ${images.length} images; ${name} allows ${limits.imagesPerPost} per post.`, network, field: `${place.fieldPrefix}images` });
  }
  images.forEach((image, index) => {
    const which = `Image ${index + 1} of ${place.label}`;
    const altLength = [...(image.altText ?? '')].length;
    if (altLength > limits.altTextLength) {
      findings.push({ rule: 'alt_text_too_long', severity: 'block', message: `${which} has ${altLength} characters of alt text; ${name} allows ${limits.altTextLength}.`, network, field: `${place.fieldPrefix}images[${index}].altText` });
    }
    if (image.bytes !== undefined && image.bytes > limits.imageBytes) {
      findings.push({ rule: 'image_too_large', severity: 'block', message: `${which} is ${formatBytes(image.bytes)}; ${name} allows ${formatBytes(limits.imageBytes)}.`, network, field: `${place.fieldPrefix}images[${index}]` });
    }
  });
  return findings;
}

const IMAGE_EXTENSION = /\.(?:jpe?g|png|gif|webp|heic|heif|avif|tiff?|bmp|svg)$/i;
const CAMERA_NAME = /^(?:img|dsc|dscn|dscf|pxl|mvimg|gopr)[\s_-]?\d+(?:[\s_-]\d+)*$/i;
const SCREENSHOT_NAME = /^screen ?shot[\s_-]+\d[\d\s._:-]*(?:at[\d\s._:-]*)?(?:[ap]m)?$/i;
const PLACEHOLDERS = new Set(['image', 'img', 'photo', 'picture', 'pic', 'graphic', 'screenshot', 'alt', 'alt text', 'alttext', 'untitled', 'file', 'upload', 'attachment']);

/** "IMG_2041.jpg", "image", "photo 3", "Screenshot 2024-05-01 at 10.02.11.png": a name, not a description. */
export function looksLikeFileName(altText: string): boolean {
  const text = altText.trim();
  if (IMAGE_EXTENSION.test(text) && (!/\s/.test(text) || /^screen ?shot\b/i.test(text))) return true;
  if (CAMERA_NAME.test(text) || SCREENSHOT_NAME.test(text)) return true;
  return PLACEHOLDERS.has(text.toLowerCase().replace(/[\s_-]*\d*[.!]*$/, ''));
}

function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} kB`;
  return `${bytes} bytes`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
