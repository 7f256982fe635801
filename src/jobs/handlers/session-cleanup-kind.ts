export const SESSION_CLEANUP = 'maintenance-session-cleanup';
