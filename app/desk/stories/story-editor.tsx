'use client';

import { type ReactNode, useActionState, useId, useRef } from 'react';
import { NamedOptions } from '@/components/named-options';
import { site } from '@/lib/site';
import type { StoryFieldName, StoryFormValues } from '@/lib/story-form';
import type { ArticleStatus } from '@/lib/story-status';
import { BYLINES_MAX, HEADLINE_MAX, parsePhotoField, PHOTO_TEXT_MAX, STANDFIRST_MAX } from '@/lib/story-form';
import { sizedPhotoSrc } from '@/lib/photo-sizes';
import { saveStoryForm, type StoryFormState } from './actions';
import { useUnsavedChanges } from './use-unsaved-changes';
import { FormError } from '@/components/form-error';

type Choice = { id: number; name: string };

/**
 * The story form. Every field keeps what was typed when the desk refuses it, the reason beside the
 * field. Without JavaScript it posts to `answerAt`, a page that renders this same form with the
 * action's answer in it (see ./answer/[form]/page.tsx).
 */
export function StoryEditor({
  storyId,
  version,
  initial,
  sections,
  authors,
  everyStory,
  status,
  answerAt,
  dirty = false,
  topicNames,
}: {
  storyId: number | null;
  version: number;
  initial: StoryFormValues;
  sections: Choice[];
  authors: Choice[];
  /** An editor or admin: chooses any byline, the home page's lead, and publishes. */
  everyStory: boolean;
  /** The story's status now (null for a new story): which buttons it offers. */
  status: ArticleStatus | null;
  answerAt: string;
  /** The form starts with text that is not saved (the writer's autosave put back). */
  dirty?: boolean;
  /** Every topic there is, suggested as one types. */
  topicNames: string[];
}) {
  const [state, formAction, pending] = useActionState<StoryFormState, FormData>(saveStoryForm, { status: 'idle' }, answerAt);
  const values = state.status === 'invalid' ? state.values : initial;
  const photo = parsePhotoField(values.photo);
  const errors: Partial<Record<StoryFieldName, string>> = state.status === 'invalid' ? state.fieldErrors : {};
  // Ids of this form's own: Next keeps pages visited before in the document, hidden, so a fixed id
  // would be there twice (a new story's form, then the saved story's).
  const prefix = useId();
  const form = useRef<HTMLFormElement>(null);
  const unsaved = useUnsavedChanges(form, storyId, dirty, state.status === 'invalid' ? state.attempt : 0);
  const id = (name: string) => `${prefix}${name}`;
  const described = (name: StoryFieldName, hint?: string) => {
    const ids = [hint && id(hint), errors[name] ? id(`${name}-error`) : undefined].filter(Boolean).join(' ');
    return { 'aria-invalid': errors[name] ? true : undefined, 'aria-describedby': ids || undefined };
  };
  const error = (name: StoryFieldName) =>
    errors[name] ? (
      <span id={id(`${name}-error`)} className="field-error">
        {errors[name]}
      </span>
    ) : null;

  // Drawn afresh after each refusal, so every field (selects too) starts from what was typed.
  return (
    <form
      ref={form}
      action={formAction}
      onInput={unsaved.onInput}
      onSubmit={unsaved.onSubmit}
      className="story-editor"
      key={state.status === 'invalid' ? state.attempt : 0}
    >
      <input type="hidden" name="storyId" value={storyId ?? ''} />
      <input type="hidden" name="version" value={version} />
      <FormError message={state.status === 'invalid' ? state.message : null} />
      <p className="comment-field">
        <label htmlFor={id('story-headline')}>Headline</label>
        <input id={id('story-headline')} name="headline" type="text" required maxLength={HEADLINE_MAX + 100} defaultValue={values.headline} {...described('headline')} />
        {error('headline')}
      </p>
      <p className="comment-field">
        <label htmlFor={id('story-standfirst')}>Standfirst</label>
        <textarea id={id('story-standfirst')} name="standfirst" rows={2} defaultValue={values.standfirst} maxLength={STANDFIRST_MAX + 100} {...described('standfirst')} />
        {error('standfirst')}
      </p>
      <p className="comment-field">
        <label htmlFor={id('story-body')}>Body</label>
        <textarea id={id('story-body')} name="body" rows={18} defaultValue={values.body} {...described('body', 'story-body-hint')} />
        <span id={id('story-body-hint')} className="field-hint">
          Markdown: ## for a subheading, - for a list, &gt; for a quote, [words](https://…) for a link. HTML is shown as text.
        </span>
        {error('body')}
      </p>
      <fieldset className="story-photo">
        <legend>Photo</legend>
        {photo ? (
          <p className="story-photo-current">
            {/* The upload as readers will get it, at its smallest size. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={sizedPhotoSrc(photo.src, 256)} alt="" width={160} height={Math.round((160 * photo.height) / photo.width)} />
            <span>
              {photo.width} × {photo.height} pixels.{' '}
              <input id={id('story-remove-photo')} name="removePhoto" type="checkbox" defaultChecked={values.removePhoto} />{' '}
              <label htmlFor={id('story-remove-photo')}>Remove the photo</label>
            </span>
          </p>
        ) : null}
        <input type="hidden" name="photo" value={values.photo} />
        <p className="comment-field">
          <label htmlFor={id('story-photo-file')}>{photo ? 'Replace with another photo' : 'Photo file'}</label>
          <input id={id('story-photo-file')} name="photoFile" type="file" accept="image/jpeg,image/png,image/webp" {...described('photo', 'story-photo-hint')} />
          <span id={id('story-photo-hint')} className="field-hint">
            JPEG, PNG or WebP, at most 15 MB. It is sized for readers when you save.
          </span>
          {error('photo')}
        </p>
        <p className="comment-field">
          <label htmlFor={id('story-photo-alt')}>Alt text</label>
          <input id={id('story-photo-alt')} name="photoAlt" type="text" maxLength={PHOTO_TEXT_MAX + 100} defaultValue={values.photoAlt} {...described('photoAlt', 'story-photo-alt-hint')} />
          <span id={id('story-photo-alt-hint')} className="field-hint">
            What the photo shows, for readers who cannot see it. Needed with a photo.
          </span>
          {error('photoAlt')}
        </p>
        <div className="story-editor-row">
          <p className="comment-field">
            <label htmlFor={id('story-photo-caption')}>Caption</label>
            <input id={id('story-photo-caption')} name="photoCaption" type="text" maxLength={PHOTO_TEXT_MAX + 100} defaultValue={values.photoCaption} {...described('photoCaption')} />
            {error('photoCaption')}
          </p>
          <p className="comment-field">
            <label htmlFor={id('story-photo-credit')}>Credit</label>
            <input id={id('story-photo-credit')} name="photoCredit" type="text" maxLength={PHOTO_TEXT_MAX + 100} defaultValue={values.photoCredit} {...described('photoCredit')} />
            {error('photoCredit')}
          </p>
        </div>
      </fieldset>
      <div className="story-editor-row">
        <ChoiceField id={id('story-section')} name="sectionId" label="Section" none="Choose a section" value={values.sectionId} options={sections} described={described('sectionId')} error={error('sectionId')} />
      </div>
      {everyStory ? (
        <fieldset className="story-bylines" aria-describedby={[id('story-bylines-hint'), errors.authorIds ? id('authorIds-error') : ''].filter(Boolean).join(' ')}>
          <legend>Bylines</legend>
          <p id={id('story-bylines-hint')} className="field-hint">
            In the order they are printed (“By Maria Keller and Daniel Okafor”). To take one off, choose “None”; to add more than these, save and another place appears.
          </p>
          <div className="story-editor-row">
            {bylineSlots(values.authorIds).map((value, index) => (
              <p className="comment-field" key={index}>
                <label htmlFor={id(`story-author-${index}`)}>{index === 0 ? 'Byline' : `Byline ${index + 1}`}</label>
                <select id={id(`story-author-${index}`)} name="authorIds" defaultValue={value} required={index === 0} aria-invalid={errors.authorIds ? true : undefined}>
                  <NamedOptions first={index === 0 ? 'Choose a byline' : 'None'} options={authors} />
                </select>
              </p>
            ))}
          </div>
          {error('authorIds')}
        </fieldset>
      ) : (
        values.authorIds.map((value, index) => <input key={index} type="hidden" name="authorIds" value={value} />)
      )}
      <p className="comment-field">
        <label htmlFor={id('story-topics')}>Topics</label>
        <input id={id('story-topics')} name="topics" type="text" list={id('story-topic-names')} maxLength={1000} defaultValue={values.topics} {...described('topics', 'story-topics-hint')} />
        <datalist id={id('story-topic-names')}>
          {topicNames.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <span id={id('story-topics-hint')} className="field-hint">
          Separated by commas, such as “Budget, City council”. A topic the site does not have yet is made when you save.
        </span>
        {error('topics')}
      </p>
      <p className="comment-field">
        <label htmlFor={id('story-slug')}>Address</label>
        <input id={id('story-slug')} name="slug" type="text" maxLength={200} defaultValue={values.slug} {...described('slug', 'story-slug-hint')} />
        <span id={id('story-slug-hint')} className="field-hint">
          The last part of the story&apos;s address. Left empty, it is made from the headline.
        </span>
        {error('slug')}
      </p>
      <p className="comment-cookies">
        <input id={id('story-comments')} name="commentsOpen" type="checkbox" defaultChecked={values.commentsOpen} />
        <label htmlFor={id('story-comments')}>Comments open</label>
      </p>
      {everyStory ? (
        <p className="comment-cookies">
          <input id={id('story-featured')} name="featured" type="checkbox" defaultChecked={values.featured} />
          <label htmlFor={id('story-featured')}>Featured: the home page&apos;s lead while it is the newest featured story</label>
        </p>
      ) : null}
      {everyStory && status !== 'published' ? (
        <fieldset className="story-schedule">
          <legend>Schedule</legend>
          <p className="comment-field">
            <label htmlFor={id('story-publish-at')}>Publish at ({site.timeZoneName})</label>
            <input id={id('story-publish-at')} name="publishAt" type="datetime-local" defaultValue={values.publishAt} {...described('publishAt', 'story-publish-at-hint')} />
            <span id={id('story-publish-at-hint')} className="field-hint">
              It appears on the site at that minute, everywhere at once.
            </span>
            {error('publishAt')}
          </p>
          <p className="form-submit">
            <button type="submit" name="intent" value="schedule" disabled={pending}>
              {status === 'scheduled' ? 'Change the time' : 'Schedule'}
            </button>
          </p>
        </fieldset>
      ) : null}
      <p className="field-hint story-autosave" role="status">
        {unsaved.autosaved ?? (storyId === null ? 'Autosave begins after the first save.' : null)}
      </p>
      <p className="form-submit story-editor-buttons">
        {buttons(status, everyStory).map(([intent, label, primary]) => (
          <button key={intent} type="submit" name="intent" value={intent} className={primary ? 'primary' : undefined} disabled={pending}>
            {label}
          </button>
        ))}
      </p>
    </form>
  );
}

/** The form's buttons for a story in this status: intent, label, and whether it is the main one. */
function buttons(status: ArticleStatus | null, everyStory: boolean): [intent: string, label: string, primary: boolean][] {
  if (!everyStory) return [['save', 'Save draft', false], ['submit', 'Submit for review', true]];
  switch (status) {
    case 'published':
      return [['save', 'Update', true], ['unpublish', 'Unpublish', false]];
    case 'scheduled':
      return [['save', 'Save', false], ['publish', 'Publish now', true], ['unpublish', 'Cancel the schedule', false]];
    case 'unpublished':
      return [['save', 'Save', false], ['publish', 'Publish again', true]];
    default:
      return [['save', 'Save draft', false], ['publish', 'Publish', true]];
  }
}

/** The byline places the form offers: each chosen one, then one empty (two at least, six at most). */
function bylineSlots(chosen: string[]) {
  const filled = chosen.filter((value) => value !== '');
  const slots = [...filled, ''];
  while (slots.length < 2) slots.push('');
  return slots.slice(0, Math.max(BYLINES_MAX, filled.length));
}

/** A required choice among named things (a section, a byline), with its error beside it. */

function ChoiceField({
  id,
  name,
  label,
  none,
  value,
  options,
  described,
  error,
}: {
  id: string;
  name: string;
  label: string;
  none: string;
  value: string;
  options: Choice[];
  described: { 'aria-invalid': boolean | undefined; 'aria-describedby': string | undefined };
  error: ReactNode;
}) {
  return (
    <p className="comment-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value} required {...described}>
        <NamedOptions first={none} options={options} />
      </select>
      {error}
    </p>
  );
}
