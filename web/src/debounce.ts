import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Runs `check` on the value after the user pauses typing; answers that arrive out of order are
 * dropped, so what is shown always matches the text as it is now.
 */
export function useDebouncedCheck<V, R>(value: V, check: (v: V) => Promise<R>, delayMs: number, enabled = true): { result: R | undefined; pending: boolean } {
  const [result, setResult] = useState<R | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const seq = useRef(0);
  const key = JSON.stringify(value);
  useEffect(() => {
    if (!enabled) {
      setResult(undefined);
      return undefined;
    }
    const mine = ++seq.current;
    setPending(true);
    const timer = setTimeout(() => {
      check(value)
        .then((r) => {
          if (mine === seq.current) setResult(r);
        })
        .catch(() => undefined)
        .finally(() => {
          if (mine === seq.current) setPending(false);
        });
    }, delayMs);
    return () => clearTimeout(timer);
  }, [key, enabled]);
  return { result, pending };
}
