import { useEffect, useRef } from 'react';

const NOTHING = Symbol('nothing yet');

/**
 * Measures, as a performance entry named `name`, the time from the render a change of `cause`
 * started to the frame after it was painted: how the browser bench (and anyone's devtools)
 * times the board's render and filtering. Nothing is measured while `cause` is undefined (still loading).
 */
export const useRenderMeasure = (name: string, cause: unknown): void => {
  const seen = useRef<unknown>(NOTHING);
  if (cause !== undefined && seen.current !== cause) {
    seen.current = cause;
    performance.mark(`${name}:start`);
  }
  useEffect(() => {
    if (cause === undefined) return;
    const frame = requestAnimationFrame(() => setTimeout(() => performance.measure(name, `${name}:start`)));
    return () => cancelAnimationFrame(frame);
  }, [name, cause]);
};
