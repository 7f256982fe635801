/** Text placed in HTML or SVG: every character with a meaning in markup or attributes is escaped. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/gu, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
