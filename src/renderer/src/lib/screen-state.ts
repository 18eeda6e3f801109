import { useEffect, useState } from 'react';

/** Kept while the app runs (not across a reload): a screen's choices survive a drill-down and "Tillbaka". */
const remembered = new Map<string, unknown>();

/** useState that remembers its value under `key` when the screen is left and opened again. */
export function useScreenState<T>(key: string, initial: T | (() => T)): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() =>
    remembered.has(key) ? (remembered.get(key) as T) : typeof initial === 'function' ? (initial as () => T)() : initial,
  );
  useEffect(() => {
    remembered.set(key, value);
  }, [key, value]);
  return [value, setValue];
}
