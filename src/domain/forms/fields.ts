/** Field rules several forms share, each with the message a person sees next to the field. */
import { z } from 'zod';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** A 24-hour wall-clock time, 00:00–23:59 (the posting plan's and business hours' own rule). */
export const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
/** Business hours may end at midnight: 24:00 closes a shift that runs to the end of the day. */
export const CLOCK_OR_MIDNIGHT = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export const Email = (message = 'Enter a valid email address') => z.string().trim().email(message).max(254, 'An email address has at most 254 characters');

/** A password someone already has: any length the server stores. */
export const CurrentPassword = z.string().min(1, 'Enter your password').max(1024, 'A password has at most 1,024 characters');

/** A password being set: long enough to withstand guessing (the server checks the same). */
export const NewPassword = z.string().min(12, 'Use at least 12 characters').max(1024, 'A password has at most 1,024 characters');

export const DisplayName = (message = 'Enter your name') => z.string().trim().min(1, message).max(120, 'Keep the name under 120 characters');

/** An IANA zone name; the server checks it names a real zone. */
export const TimeZone = (message = 'Choose the time zone you post in') =>
  z.string().min(1, message).max(64, 'A time zone name has at most 64 characters').meta({ example: 'America/Chicago' });

export const Uuid = z.string().uuid();
