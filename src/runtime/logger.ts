import pino, { type Logger } from 'pino';

/**
 * JSON logs (pino). Callers log ids, counts and codes only; these paths are redacted as a second
 * line of defence should a request or credential object ever be logged whole.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'bedside', pid: process.pid },
      redact: {
        paths: ['password', '*.password', 'token', '*.token', 'cookie', '*.cookie', 'authorization', '*.authorization', 'credentials', '*.credentials', 'text', '*.text'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
