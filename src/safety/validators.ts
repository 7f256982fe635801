/** Checksums and issuance rules that tell a real identifier from a number that merely looks like one. */

/** Luhn (mod 10) check used by payment cards and many device/account numbers. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** SSA rules: area 000, 666 and 900-999, group 00 and serial 0000 are never issued. */
export function isPlausibleSsn(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  return a !== 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000';
}

export function isValidIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => p.length <= 3 && Number(p) <= 255 && !(p.length > 1 && p[0] === '0'));
}

/** RFC 1918 private ranges and loopback: addresses many homes and guest networks share. */
export function isPrivateIpv4(text: string): boolean {
  const [a, b] = text.split('.').map(Number) as [number, number];
  return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

export function isCalendarDate(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

export function digitsOf(text: string): string {
  return text.replace(/\D+/g, '');
}
