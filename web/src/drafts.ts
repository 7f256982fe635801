/**
 * Never lose what a user typed: a draft lives in localStorage from the first keystroke until it
 * is sent, so a reload, a lost connection or an expired session keeps it.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';

const PREFIX = 'bedside.draft.';
let owner = 'signed-out';

/** Drafts belong to the person signed in: another person on the same browser never sees them. */
export function setDraftOwner(userId: string | undefined): void {
  owner = userId ?? 'signed-out';
}

const storageKey = (key: string): string => `${PREFIX}${owner}.${key}`;

function read<T>(key: string, initial: T): T {
  try {
    const raw = localStorage.getItem(storageKey(key));
    return raw === null ? initial : (JSON.parse(raw) as T);
  } catch {
    return initial;
  }
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(storageKey(key));
  } catch {
    // storage unavailable (private mode): nothing was kept
  }
}

/**
 * A draft and its setter. Pass the setter a function of the current draft when the change comes
 * from anything but the keystroke itself (a list that finished loading, a fetched post): a value
 * computed from an earlier render would overwrite what was typed in between.
 */
export function useDraft<T>(key: string, initial: T): [T, (next: T | ((current: T) => T)) => void, () => void] {
  const [value, setValue] = useState<T>(() => read(key, initial));
  // A different conversation or post: load its own draft.
  useEffect(() => setValue(read(key, initial)), [key]);
  const update = useCallback(
    (next: T | ((current: T) => T)) => {
      setValue((current) => {
        const value = typeof next === 'function' ? (next as (current: T) => T)(current) : next;
        try {
          localStorage.setItem(storageKey(key), JSON.stringify(value));
        } catch {
          // quota or private mode: the value still lives in memory
        }
        return value;
      });
    },
    [key],
  );
  const clear = useCallback(() => {
    clearDraft(key);
    setValue(initial);
  }, [key]);
  return [value, update, clear];
}
