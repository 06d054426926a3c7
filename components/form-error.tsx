import type { ReactNode } from 'react';

/** What a refused form says above its fields, announced to screen readers at once; nothing when there is nothing to say. */
export function FormError({ message }: { message: ReactNode }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}
