'use client';

import { type ReactNode, useActionState, useId } from 'react';
import { SECTION_DESCRIPTION_MAX, SECTION_NAME_MAX, SECTION_SLUG_MAX, type SectionFieldName, type SectionFormValues } from '@/lib/section-form';
import { type SectionFormState, saveSectionForm } from './actions';
import { FormError } from '@/components/form-error';

type Props = {
  /** Null for a new section. */
  id: number | null;
  version: string;
  initial: SectionFormValues;
  /** How many sections the navigation would hold with this one. */
  places: number;
  /** Set when the section holds stories: its address then stays as it is. */
  fixedSlug: { slug: string; stories: number } | null;
};

/** A section's name, description, address and place; a refusal keeps what was typed, with or without JavaScript. */
export function SectionForm({ id, version, initial, places, fixedSlug }: Props) {
  const answer = id === null ? '/desk/sections/answer/new' : `/desk/sections/answer/edit-${id}`;
  const [state, formAction, pending] = useActionState<SectionFormState, FormData>(saveSectionForm, { status: 'idle' }, answer);
  const prefix = useId();
  const values = state.status === 'invalid' ? state.values : initial;
  const errors = state.status === 'invalid' ? state.fieldErrors : {};

  /** A labelled field with its hint and its refusal, described by both. */
  const field = (name: SectionFieldName, label: string, hint: ReactNode, control: (props: { id: string; name: string; defaultValue: string; 'aria-invalid': true | undefined; 'aria-describedby': string }) => ReactNode) => {
    const fieldId = `${prefix}-${name}`;
    const error = errors[name];
    return (
      <p className="comment-field">
        <label htmlFor={fieldId}>{label}</label>
        {control({ id: fieldId, name, defaultValue: values[name], 'aria-invalid': error ? true : undefined, 'aria-describedby': `${fieldId}-hint${error ? ` ${fieldId}-error` : ''}` })}
        <span id={`${fieldId}-hint`} className="field-hint">
          {hint}
        </span>
        {error ? (
          <span id={`${fieldId}-error`} className="field-error">
            {error}
          </span>
        ) : null}
      </p>
    );
  };

  return (
    <form action={formAction} className="story-editor" key={state.status === 'invalid' ? state.attempt : 0}>
      <input type="hidden" name="id" value={id ?? ''} />
      <input type="hidden" name="version" value={version} />
      <FormError message={state.status === 'invalid' ? state.message : null} />
      {field('name', 'Name', `As the masthead's navigation shows it; at most ${SECTION_NAME_MAX} characters.`, (props) => (
        <input {...props} type="text" required maxLength={SECTION_NAME_MAX + 100} />
      ))}
      {field('description', 'Description', `Under the name on the section's front, as plain text; at most ${SECTION_DESCRIPTION_MAX} characters.`, (props) => (
        <textarea {...props} rows={3} maxLength={SECTION_DESCRIPTION_MAX + 100} />
      ))}
      {field(
        'slug',
        'Address',
        fixedSlug
          ? `This section holds ${fixedSlug.stories === 1 ? 'a story' : `${fixedSlug.stories} stories`}, whose addresses start /${fixedSlug.slug}/, so its address stays /${fixedSlug.slug}.`
          : 'The front’s address after the site’s: lower-case letters, digits and single hyphens, made from the name when left empty. It can change until the section holds a story.',
        (props) => <input {...props} type="text" readOnly={fixedSlug !== null} maxLength={SECTION_SLUG_MAX + 100} autoCapitalize="none" spellCheck={false} />,
      )}
      {field('position', 'Place in the navigation', `1 puts it first, ${places} last.`, (props) => (
        <input {...props} type="text" inputMode="numeric" required maxLength={20} />
      ))}
      <p className="form-submit">
        <button type="submit" className="primary" disabled={pending}>
          {id === null ? 'Add section' : 'Save section'}
        </button>
      </p>
    </form>
  );
}
