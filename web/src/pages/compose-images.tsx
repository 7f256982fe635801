/**
 * The images of one part of a post: pick a file, it is uploaded at once (POST /api/media, which
 * decides the type from the bytes), a small preview is kept with the draft, and each image needs
 * its alt text — the server's composer check names a missing one next to its field.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, errorText, upload } from '../api.ts';
import type { FieldErrors } from '../schemas.ts';
import type { Finding } from '../types.ts';
import { Field } from '../ui.tsx';

export interface DraftImage {
  mediaId: string;
  altText: string;
  /** A small data: URL made in the browser (the page's CSP allows data: images, not blob:); without one, the upload itself is shown. */
  preview?: string;
}

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGES_PER_PART = 4;
const TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const THUMB_PX = 240;

/** The file the user picked, checked before it is sent (the server checks again, by content). */
export function checkImageFile(file: { name: string; size: number; type: string }): string | undefined {
  if (file.type && !TYPES.includes(file.type)) return `${file.name} is not a PNG, JPEG, GIF or WebP image`;
  if (file.size === 0) return `${file.name} is empty`;
  if (file.size > MAX_IMAGE_BYTES) return `${file.name} is ${(file.size / 1_048_576).toFixed(1)} MB; the largest image Bedside keeps is 5 MB`;
  return undefined;
}

/** A JPEG of at most 240 px a side, small enough to keep in the draft in localStorage. */
async function thumbnail(file: Blob): Promise<string | undefined> {
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = Math.min(1, THUMB_PX / Math.max(img.naturalWidth, img.naturalHeight, 1));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
    const g = canvas.getContext('2d');
    if (!g) return undefined;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', 0.8);
  } catch {
    return undefined; // the upload stands; only the preview is missing
  }
}

/** The composer check names fields of its own draft shape (`images[0].altText`, `thread[1].images[0].altText`): the form's key for one. */
export function findingFormKey(field: string | undefined): string | undefined {
  const m = field?.match(/^(?:thread\[(\d+)\]\.)?images\[(\d+)\]\.altText$/);
  if (!m) return undefined;
  const part = m[1] === undefined ? 0 : Number(m[1]) + 1;
  return `parts.${part}.images.${m[2]}.altText`;
}

interface Props {
  part: number;
  partLabel: string | null;
  images: DraftImage[];
  errors: FieldErrors;
  findings: Finding[];
  disabled: boolean;
  onChange: (images: DraftImage[]) => void;
}

export function PartImages({ part, partLabel, images, errors, findings, disabled, onChange }: Props): JSX.Element {
  const [uploadError, setUploadError] = useState('');
  const [uploading, setUploading] = useState('');
  const of = partLabel ? ` of ${partLabel}` : '';

  const pick = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    if (!file) return;
    const problem = checkImageFile(file);
    if (problem) {
      setUploadError(problem);
      input.value = '';
      return;
    }
    setUploadError('');
    setUploading(file.name);
    try {
      const media = await upload<{ id: string }>('/api/media', file);
      const preview = await thumbnail(file);
      onChange([...images, { mediaId: media.id, altText: '', ...(preview ? { preview } : {}) }]);
    } catch (err) {
      setUploadError(err instanceof ApiError ? `${file.name}: ${err.message}` : errorText(err));
    } finally {
      setUploading('');
      input.value = ''; // the same file can be picked again
    }
  };

  return (
    <div class="part-images">
      {images.length ? (
        <ul class="images" aria-label={`Images${of}`}>
          {images.map((image, j) => {
            const key = `parts.${part}.images.${j}`;
            const mine = findings.filter((f) => findingFormKey(f.field) === `${key}.altText`);
            const blocking = mine.find((f) => f.severity === 'block');
            const warning = mine.find((f) => f.severity !== 'block');
            return (
              <li key={image.mediaId} class="image">
                {/* A saved post's image comes from the server; a new one from its preview made here. */}
                <img class="thumb" src={image.preview ?? `/api/media/${image.mediaId}`} alt="" />
                <div class="image-fields">
                  <Field
                    id={`part-${part}-image-${j}-alt`}
                    label={`Alt text for image ${j + 1}${of}`}
                    hint="What the image shows, for people who cannot see it."
                    error={errors[`${key}.altText`] ?? errors[`${key}.mediaId`] ?? blocking?.message}
                    note={warning?.message}
                  >
                    {(a) => <textarea {...a} rows={2} value={image.altText} onInput={(e) => onChange(images.map((x, k) => (k === j ? { ...x, altText: e.currentTarget.value } : x)))} />}
                  </Field>
                  <button type="button" class="link" disabled={disabled} onClick={() => onChange(images.filter((_, k) => k !== j))}>
                    Remove image {j + 1}
                    {of}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {images.length < MAX_IMAGES_PER_PART ? (
        <Field id={`part-${part}-upload`} label={`Add an image${of}`} hint="PNG, JPEG, GIF or WebP, up to 5 MB." error={uploadError ?? errors[`parts.${part}.images`]}>
          {(a) => <input {...a} type="file" accept={TYPES.join(',')} disabled={disabled || Boolean(uploading)} onChange={(e) => void pick(e.currentTarget)} />}
        </Field>
      ) : (
        <p class={errors[`parts.${part}.images`] ? 'field-error' : 'hint'}>{errors[`parts.${part}.images`] ?? 'Four images is the most a post can carry.'}</p>
      )}
      {uploading ? (
        <p role="status" class="hint">
          Uploading {uploading}…
        </p>
      ) : null}
    </div>
  );
}
