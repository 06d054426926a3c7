/** Failed sign-ins allowed per email and per address in the window, before further tries are refused. */
export const SIGN_IN_LIMIT = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

export function isThrottled(failures: { byEmail: number; byIp: number }, limit = SIGN_IN_LIMIT): boolean {
  return failures.byEmail >= limit || failures.byIp >= limit;
}

export const signInMessages = {
  missing: 'Enter your email address and password.',
  invalid: 'Incorrect email or password.',
  throttled: 'Too many failed sign-ins. Please wait 15 minutes and try again.',
} as const;
