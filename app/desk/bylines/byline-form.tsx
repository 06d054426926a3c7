'use client';

import { useActionState, useId } from 'react';
import type { BylineFieldName, BylineFormValues } from '@/lib/byline-form';
import { isSitePhotoSrc, sizedPhotoSrc } from '@/lib/photo-sizes';
import { BYLINE_BIO_MAX, BYLINE_NAME_MAX } from '@/lib/story-form';
import { type BylineFormState, saveBylineForm } from './actions';
import { FormError } from '@/components/form-error';

/**
 * A byline's name, address, bio and photo (a new byline's when `id` is null); a refusal keeps what
 * was typed, and a photo already uploaded, with or without JavaScript.
 */
export function BylineForm({ id, initial }: { id: number | null; initial: BylineFormValues }) {
  const [state, formAction, pending] = useActionState<BylineFormState, FormData>(saveBylineForm, { status: 'idle' }, `/desk/bylines/answer/${id === null ? 'new' : `edit-${id}`}`);
  const prefix = useId();
  const values = state.status === 'invalid' ? state.values : initial;
  const errors: Partial<Record<BylineFieldName, string>> = state.status === 'invalid' ? state.fieldErrors : {};
  const photo = isSitePhotoSrc(values.photo) ? values.photo : null;
  const described = (name: BylineFieldName, hint?: boolean) => {
    const ids = [hint ? `${prefix}-${name}-hint` : '', errors[name] ? `${prefix}-${name}-error` : ''].filter(Boolean).join(' ');
    return { 'aria-invalid': errors[name] ? true : undefined, 'aria-describedby': ids || undefined };
  };
  const error = (name: BylineFieldName) =>
    errors[name] ? (
      <span id={`${prefix}-${name}-error`} className="field-error">
        {errors[name]}
      </span>
    ) : null;
  return (
    <form action={formAction} className="story-editor" key={state.status === 'invalid' ? state.attempt : 0}>
      <input type="hidden" name="id" value={id ?? ''} />
      <input type="hidden" name="photo" value={values.photo} />
      <FormError message={state.status === 'invalid' ? state.message : null} />
      <p className="comment-field">
        <label htmlFor={`${prefix}-name`}>Name</label>
        <input id={`${prefix}-name`} name="name" type="text" required maxLength={BYLINE_NAME_MAX + 100} defaultValue={values.name} {...described('name')} />
        {error('name')}
      </p>
      <p className="comment-field">
        <label htmlFor={`${prefix}-slug`}>Address</label>
        <input id={`${prefix}-slug`} name="slug" type="text" maxLength={200} defaultValue={values.slug} {...described('slug', true)} />
        <span id={`${prefix}-slug-hint`} className="field-hint">
          The author&apos;s page is /authors/ and this (made from the name when left empty). A changed address keeps the old one leading here.
        </span>
        {error('slug')}
      </p>
      <p className="comment-field">
        <label htmlFor={`${prefix}-bio`}>Short bio</label>
        <textarea id={`${prefix}-bio`} name="bio" rows={4} maxLength={BYLINE_BIO_MAX + 100} defaultValue={values.bio} {...described('bio', true)} />
        <span id={`${prefix}-bio-hint`} className="field-hint">
          Shown on the author&apos;s page, as plain text.
        </span>
        {error('bio')}
      </p>
      <fieldset className="story-photo">
        <legend>Photo</legend>
        {photo ? (
          <p className="story-photo-current">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={sizedPhotoSrc(photo, 256)} alt="" width={96} height={96} className="byline-photo" />
            <span>
              <input id={`${prefix}-remove-photo`} name="removePhoto" type="checkbox" defaultChecked={values.removePhoto} /> <label htmlFor={`${prefix}-remove-photo`}>Remove the photo</label>
            </span>
          </p>
        ) : null}
        <p className="comment-field">
          <label htmlFor={`${prefix}-photo-file`}>{photo ? 'Replace with' : 'Upload a photo'}</label>
          <input id={`${prefix}-photo-file`} name="photoFile" type="file" accept="image/jpeg,image/png,image/webp" {...described('photo', true)} />
          <span id={`${prefix}-photo-hint`} className="field-hint">
            A JPEG, PNG or WebP of at most 15 MB and at least 200 × 200 pixels; it is cut to a square around the face.
          </span>
          {error('photo')}
        </p>
      </fieldset>
      <p className="form-submit">
        <button type="submit" className="primary" disabled={pending}>
          {id === null ? 'Create byline' : 'Save byline'}
        </button>
      </p>
    </form>
  );
}
