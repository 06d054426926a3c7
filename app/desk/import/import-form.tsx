'use client';

import { useActionState, useId } from 'react';
import { FormError } from '@/components/form-error';
import { type ImportFormState, startImport } from './actions';

/** The export and its options; a refusal is shown beside its field, with or without JavaScript. */
export function ImportForm({ maxMegabytes }: { maxMegabytes: number }) {
  const [state, formAction, pending] = useActionState<ImportFormState, FormData>(startImport, { status: 'idle' }, '/desk/import/answer/start');
  const id = useId();
  const values = state.status === 'invalid' ? state.values : { dryRun: false, mediaFrom: '' };
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  const described = (name: string, error: string | undefined) => `${id}-${name}-hint${error ? ` ${id}-${name}-error` : ''}`;
  return (
    <form action={formAction} className="story-editor" key={state.status === 'invalid' ? state.attempt : 0}>
      <FormError message={state.status === 'invalid' ? state.message : null} />
      <p className="comment-field">
        <label htmlFor={`${id}-file`}>Export file</label>
        <input id={`${id}-file`} name="file" type="file" accept=".xml,application/xml,text/xml" required aria-invalid={errors.file ? true : undefined} aria-describedby={described('file', errors.file)} />
        <span id={`${id}-file-hint`} className="field-hint">
          From WordPress: Tools → Export → All content → Download Export File. Up to {maxMegabytes} MB here; a larger export is imported on the server with <code>npm run import:wordpress</code>.
        </span>
        {errors.file ? (
          <span id={`${id}-file-error`} className="field-error">
            {errors.file}
          </span>
        ) : null}
      </p>
      <p className="comment-field">
        <label htmlFor={`${id}-mediaFrom`}>Images from (optional)</label>
        <input
          id={`${id}-mediaFrom`}
          name="mediaFrom"
          type="text"
          defaultValue={values.mediaFrom}
          autoCapitalize="none"
          spellCheck={false}
          aria-invalid={errors.mediaFrom ? true : undefined}
          aria-describedby={described('mediaFrom', errors.mediaFrom)}
        />
        <span id={`${id}-mediaFrom-hint`} className="field-hint">
          The old site&apos;s address (https://…), or a folder on this server holding its wp-content/uploads. Left empty, stories come without their images, and a later import with it adds them.
        </span>
        {errors.mediaFrom ? (
          <span id={`${id}-mediaFrom-error`} className="field-error">
            {errors.mediaFrom}
          </span>
        ) : null}
      </p>
      <p className="comment-cookies">
        <input id={`${id}-dryRun`} name="dryRun" type="checkbox" defaultChecked={values.dryRun} />
        <label htmlFor={`${id}-dryRun`}>Dry run: read the whole export and say what it would import and skip, changing nothing</label>
      </p>
      <p className="form-submit">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? 'Uploading…' : 'Start import'}
        </button>
      </p>
    </form>
  );
}
