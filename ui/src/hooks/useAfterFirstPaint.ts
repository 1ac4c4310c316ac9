import { useEffect, useState } from 'react';

/**
 * True once a frame has been painted after `ready` turned true: what is below the fold mounts after the page has
 * shown what it opened for, not in the same long task (a frame waits for everything mounted before it).
 */
export function useAfterFirstPaint(ready = true): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    // The first callback runs before the frame is painted, the second after it.
    let inner = 0;
    const outer = requestAnimationFrame(() => {
      inner = requestAnimationFrame(() => setPainted(true));
    });
    return () => {
      cancelAnimationFrame(outer);
      cancelAnimationFrame(inner);
    };
  }, [ready, painted]);
  return painted;
}
