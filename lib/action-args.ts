/**
 * A form's action is called with (previous state, FormData) by useActionState, but a hand-made post
 * can call it with anything. Take the FormData wherever it is, or an empty one, so that a forged call
 * is refused by validation like any bad input instead of crashing the action.
 */
export function formDataOf(...args: unknown[]): FormData {
  return args.find((arg): arg is FormData => arg instanceof FormData) ?? new FormData();
}
