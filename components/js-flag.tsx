'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

/** True once React runs in the browser. */
export function useHydrated() {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/** `js=1` in a form once scripts run, so an action can answer in place instead of redirecting. */
export function JsFlag() {
  return useHydrated() ? <input type="hidden" name="js" value="1" /> : null;
}
