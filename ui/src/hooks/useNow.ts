import { useEffect, useState } from 'react';

/** The current time in milliseconds, refreshed every `intervalMs` (30 s by default): what countdowns count from. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
