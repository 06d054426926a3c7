'use client';

import { type ReactNode, useActionState, useId } from 'react';
import { FormError } from '@/components/form-error';
import { BAN_REASON_MAX, banExpiryChoices, banExpiryLabels, type BanFieldName, type BanFormValues, banKindLabels, banKinds } from '@/lib/ban-kinds';
import { site } from '@/lib/site';
import { type BanFormState, saveBanForm } from './actions';

type Props = {
  /** Null for a new ban. */
  id: number | null;
  initial: BanFormValues;
  /** A new ban may also send the commenter's approved comments back to Pending. */
  offerHold: boolean;
};

const kindHints: Record<(typeof banKinds)[number], string> = {
  email: 'One address; name+tag@ variants of it are banned too.',
  ip: 'One address, or a range such as 203.0.113.0/24. Addresses change hands: prefer a short ban.',
  domain: 'Everyone whose email ends @ this domain or one of its subdomains.',
};

/** A ban's kind, value, reason and end; a refusal keeps what was typed, with or without JavaScript. */
export function BanForm({ id, initial, offerHold }: Props) {
  const answer = id === null ? '/moderation/bans/answer/new' : `/moderation/bans/answer/edit-${id}`;
  const [state, formAction, pending] = useActionState<BanFormState, FormData>(saveBanForm, { status: 'idle' }, answer);
  const prefix = useId();
  const values = state.status === 'invalid' ? state.values : initial;
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  const holdApproved = state.status === 'invalid' ? state.holdApproved : false;

  const describedBy = (name: BanFieldName, hint = true) => {
    const fieldId = `${prefix}-${name}`;
    return [hint ? `${fieldId}-hint` : '', errors[name] ? `${fieldId}-error` : ''].filter(Boolean).join(' ') || undefined;
  };
  const fieldError = (name: BanFieldName) =>
    errors[name] ? (
      <span id={`${prefix}-${name}-error`} className="field-error">
        {errors[name]}
      </span>
    ) : null;
  const field = (name: BanFieldName, label: string, hint: ReactNode, control: (props: { id: string; name: string; defaultValue: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined }) => ReactNode) => (
    <p className="comment-field">
      <label htmlFor={`${prefix}-${name}`}>{label}</label>
      {control({ id: `${prefix}-${name}`, name, defaultValue: values[name], 'aria-invalid': errors[name] ? true : undefined, 'aria-describedby': describedBy(name) })}
      <span id={`${prefix}-${name}-hint`} className="field-hint">
        {hint}
      </span>
      {fieldError(name)}
    </p>
  );

  return (
    <form action={formAction} className="story-editor ban-form" key={state.status === 'invalid' ? state.attempt : 0}>
      <input type="hidden" name="id" value={id ?? ''} />
      <FormError message={state.status === 'invalid' ? state.message : null} />
      <fieldset className="ban-kinds" aria-describedby={errors.kind ? `${prefix}-kind-error` : undefined}>
        <legend>What to ban</legend>
        {banKinds.map((kind) => (
          <label key={kind}>
            <input type="radio" name="kind" value={kind} defaultChecked={values.kind === kind} /> {banKindLabels[kind]}
            <span className="field-hint"> {kindHints[kind]}</span>
          </label>
        ))}
        {fieldError('kind')}
      </fieldset>
      {field('value', 'Email, address or domain to ban', 'As the comment shows it: name@example.com, 203.0.113.7 or 203.0.113.0/24, example.com.', (props) => (
        <input {...props} type="text" required maxLength={400} autoCapitalize="none" spellCheck={false} />
      ))}
      {field('reason', 'Reason', `Shown with every comment the ban sends to Spam, and in the log; at most ${BAN_REASON_MAX} characters. The commenter never sees it.`, (props) => (
        <input {...props} type="text" required maxLength={BAN_REASON_MAX + 100} />
      ))}
      {field('expires', 'Lasts', 'Never is what WordPress’s disallowed list does; a time cools a heated thread.', (props) => (
        <select {...props}>
          {banExpiryChoices.map((choice) => (
            <option key={choice} value={choice}>
              {banExpiryLabels[choice]}
            </option>
          ))}
        </select>
      ))}
      {field('expiresAt', 'Ends at (for “Until a date and time”)', `In ${site.timeZoneName}.`, (props) => <input {...props} type="datetime-local" />)}
      {offerHold ? (
        <p className="comment-field checkbox-field">
          <label>
            <input type="checkbox" name="holdApproved" defaultChecked={holdApproved} /> Also move their approved comments to Pending
          </label>
          <span className="field-hint">They leave the site at once; the page you land on can undo it.</span>
        </p>
      ) : null}
      <p className="form-submit">
        <button type="submit" className="primary" disabled={pending}>
          {id === null ? 'Ban commenter' : 'Save ban'}
        </button>
      </p>
    </form>
  );
}
