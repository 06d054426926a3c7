'use client';

import { useActionState } from 'react';
import { JsFlag } from '@/components/js-flag';
import type { SettingsFieldErrors, SettingsFormValues } from '@/lib/settings-form';
import { saveSettings, type SaveSettingsState } from './actions';
import { FormError } from '@/components/form-error';

const idle: SaveSettingsState = { status: 'idle' };

type TextName = Exclude<keyof SettingsFormValues, 'manualApproval' | 'approvePreviouslyApproved' | 'emailOnHeld' | 'emailOnReported'>;

/**
 * Every comment rule in one form. Numbers are plain text inputs so that whatever was typed reaches
 * the server, whose answer shows beside the field with the typed value kept (with or without JavaScript).
 */
export function SettingsForm({ saved, answered, mailOn }: { saved: SettingsFormValues; answered: SaveSettingsState | null; mailOn: boolean }) {
  const [state, action, pending] = useActionState(saveSettings, answered ?? idle);
  const values = state.status === 'invalid' || state.status === 'saved' ? state.values : saved;
  const errors: SettingsFieldErrors = state.status === 'invalid' ? state.fieldErrors : {};

  const text = (name: TextName, label: string, hint: string) => (
    <NumberInput name={name} label={label} hint={hint} value={values[name]} error={errors[name]} />
  );
  const words = (name: 'moderationWords' | 'disallowedWords', label: string, hint: string) => (
    <WordsInput name={name} label={label} hint={hint} value={values[name]} error={errors[name]} />
  );

  return (
    <form action={action} className="desk-settings" aria-busy={pending || undefined}>
      <JsFlag />
      {state.status === 'saved' ? (
        <p className="form-notice" role="status">
          {state.message}
        </p>
      ) : null}
      <FormError message={state.status === 'denied' ? state.message : null} />
      <FormError message={state.status === 'invalid' ? `Nothing was saved. Please correct the ${Object.keys(errors).length === 1 ? 'field' : 'fields'} marked below.` : null} />

      <fieldset>
        <legend>Before a comment appears</legend>
        <Checkbox
          name="manualApproval"
          label="Comments must be manually approved"
          hint="A moderator approves each comment before readers see it."
          checked={values.manualApproval}
        />
        <Checkbox
          name="approvePreviouslyApproved"
          label="Approve at once a commenter who already has an approved comment"
          hint="Matched by email address. The word and link rules below still hold their comments."
          checked={values.approvePreviouslyApproved}
        />
        {text('linkThreshold', 'Hold a comment with this many links or more', 'The Website field counts as one link. 0 to 100; 0 turns this off.')}
        {words(
          'moderationWords',
          'Hold comments containing any of these words',
          'One word or phrase per line. Matched anywhere in the name, email, website, comment, IP address or browser, ignoring case.',
        )}
      </fieldset>

      <fieldset>
        <legend>Spam and robots</legend>
        {words(
          'disallowedWords',
          'Send comments containing any of these words to spam',
          'One word or phrase per line, matched the same way. Such comments are never shown.',
        )}
        {text(
          'minFillSeconds',
          'Minimum seconds between showing the form and posting',
          'A comment sent sooner is taken for a robot and sent to spam. 0 to 60; 0 turns this off.',
        )}
        {text(
          'floodIntervalSeconds',
          'Minimum seconds between comments from one reader',
          'Counted per IP address and per email address. 0 to 3600; 0 turns flood control off.',
        )}
      </fieldset>

      <fieldset>
        <legend>Threads</legend>
        {text(
          'closeAfterDays',
          'Close comments on stories older than this many days',
          'Counted from publication. 1 to 3650; leave empty to keep comments open.',
        )}
        {text('threadDepth', 'Nest replies this many levels deep', 'Deeper replies join the last level. 1 to 10; 1 means no nesting.')}
        {text('commentsPerPage', 'Top-level comments per page', 'Longer threads continue on further pages. 5 to 500.')}
        {text(
          'editWindowMinutes',
          'Minutes a commenter may edit or delete their comment',
          'From the browser that posted it, until someone replies. 0 to 1440; 0 turns this off.',
        )}
      </fieldset>

      <fieldset>
        <legend>Reader reports</legend>
        {text(
          'reportThreshold',
          'Reports that send a comment back to moderation',
          'When this many readers report an approved comment, it returns to Pending. 1 to 100.',
        )}
      </fieldset>

      {mailOn ? (
        <fieldset>
          <legend>Email moderators whenever</legend>
          <Checkbox
            name="emailOnHeld"
            label="A comment is held for moderation"
            hint="Every moderator and admin gets an email with a link to the comment on the desk."
            checked={values.emailOnHeld}
          />
          <Checkbox
            name="emailOnReported"
            label="Readers’ reports send a comment back to moderation"
            hint="Sent when a comment reaches the report threshold above."
            checked={values.emailOnReported}
          />
        </fieldset>
      ) : (
        // Mail is off (no SMTP_URL): the choices are kept as they were for when it is on again.
        <>
          {values.emailOnHeld ? <input type="hidden" name="emailOnHeld" value="on" /> : null}
          {values.emailOnReported ? <input type="hidden" name="emailOnReported" value="on" /> : null}
        </>
      )}

      <p className="form-submit">
        <button type="submit" className="primary" disabled={pending} aria-busy={pending || undefined}>
          Save settings
        </button>
        {pending ? (
          <span className="sending" role="status">
            Saving…
          </span>
        ) : null}
      </p>
    </form>
  );
}

function describedBy(name: string, error: string | undefined) {
  return error ? `${name}-error ${name}-hint` : `${name}-hint`;
}

function Hint({ name, text }: { name: string; text: string }) {
  return (
    <span id={`${name}-hint`} className="field-hint">
      {text}
    </span>
  );
}

function FieldError({ name, error }: { name: string; error: string | undefined }) {
  return error ? (
    <span id={`${name}-error`} className="field-error">
      {error}
    </span>
  ) : null;
}

function Checkbox({ name, label, hint, checked }: { name: string; label: string; hint: string; checked: boolean }) {
  return (
    <p className="settings-checkbox">
      <input id={name} name={name} type="checkbox" defaultChecked={checked} aria-describedby={`${name}-hint`} />
      <label htmlFor={name}>{label}</label>
      <Hint name={name} text={hint} />
    </p>
  );
}

type FieldProps = { name: TextName; label: string; hint: string; value: string; error: string | undefined };

function NumberInput({ name, label, hint, value, error }: FieldProps) {
  return (
    <p className="comment-field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        size={6}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, error)}
      />
      <FieldError name={name} error={error} />
      <Hint name={name} text={hint} />
    </p>
  );
}

function WordsInput({ name, label, hint, value, error }: FieldProps) {
  return (
    <p className="comment-field">
      <label htmlFor={name}>{label}</label>
      <textarea
        id={name}
        name={name}
        rows={5}
        spellCheck={false}
        autoComplete="off"
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, error)}
      />
      <FieldError name={name} error={error} />
      <Hint name={name} text={hint} />
    </p>
  );
}
