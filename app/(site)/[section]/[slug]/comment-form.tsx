'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { postComment, type PostCommentState } from './actions';
import { SAVED_DETAILS_COOKIES } from '@/lib/comment-cookie-names';
import { HONEYPOT_FIELD } from '@/lib/comment-form-fields';
import { setReplyTarget, type ReplyTarget, useReplyTarget } from './reply-store';
import { FormError } from '@/components/form-error';

type Props = {
  articleId: number;
  articlePath: string;
  /** A signed "form shown at" time from the server render; refreshed when the reader starts typing. */
  initialToken: string;
  /** The comment replied to when the page was opened as `?replytocom=ID` (the no-JavaScript path). */
  serverReplyTo: ReplyTarget;
  /** The site sends mail (SMTP_URL): the form offers reply and story notifications. */
  notifyOffered: boolean;
  /** What a post without JavaScript was answered, said once by the story's own view (lib/flash.ts). */
  answered?: PostCommentState | null;
};

const initialState: PostCommentState = { status: 'idle' };

function readCookie(name: string): string {
  const match = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : '';
}

/** Waits for the refreshed thread to show the new comment, then brings it into view. */
function revealComment(id: number) {
  const started = Date.now();
  const timer = window.setInterval(() => {
    // The comment's own <li>: an imported comment's old WordPress anchor may happen to share its number.
    const element = document.querySelector<HTMLElement>(`li#comment-${id}`);
    if (element) {
      window.clearInterval(timer);
      element.scrollIntoView({ block: 'center' });
      element.focus({ preventScroll: true });
    } else if (Date.now() - started > 5000) {
      // On another page of a long thread: the permalink finds it (a full load, as page links are).
      window.clearInterval(timer);
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a route handler redirect, not a page
      window.location.href = `/comments/${id}`;
    }
  }, 100);
}

export function CommentForm({ articleId, articlePath, initialToken, serverReplyTo, notifyOffered, answered }: Props) {
  const [state, formAction, sending] = useActionState(postComment, answered ?? initialState);
  const router = useRouter();
  const clientReply = useReplyTarget();
  const replyTo = clientReply ?? serverReplyTo;
  const hydrated = useHydrated();
  const [token, setToken] = useState(initialToken);
  const tokenRefreshed = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  // With a Reply clicked, the form moves to the end of that comment (only ever set in the browser).
  const slot = clientReply ? document.querySelector<HTMLElement>(`#comment-${clientReply.id} > .comment-body`) : null;

  // Reply links are plain links in the server-rendered thread; one listener takes them over.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>('a.comment-reply-link');
      if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      // The comment is the link's <li id="comment-N">; its author's name is in its own header.
      const item = link.closest<HTMLElement>('li.comment');
      const id = Number(item?.id.replace('comment-', ''));
      if (!item || !(id > 0)) return;
      const name = item.querySelector(':scope > .comment-body .comment-author')?.textContent ?? '';
      event.preventDefault();
      setReplyTarget({ id, name });
      requestAnimationFrame(() => document.getElementById('comment')?.focus());
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    for (const [field, cookie] of Object.entries(SAVED_DETAILS_COOKIES)) {
      const input = form.elements.namedItem(field) as HTMLInputElement | null;
      const saved = readCookie(cookie);
      if (input && !input.value && saved) input.value = saved;
    }
    const remember = form.elements.namedItem('remember') as HTMLInputElement | null;
    if (remember && readCookie(SAVED_DETAILS_COOKIES.email)) remember.checked = true;
  }, []);

  useEffect(() => {
    // A no-JavaScript post's answer, shown by the page it led to, is already on screen.
    if (state.status !== 'posted' || state === answered) return;
    setReplyTarget(null);
    router.refresh();
    if (state.visible) revealComment(state.commentId);
  }, [state, router, answered]);

  const values = state.status === 'idle' ? null : state.values;
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  const formKey = state.status === 'posted' ? `posted-${state.commentId}` : 'form';

  const refreshToken = () => {
    if (tokenRefreshed.current) return;
    tokenRefreshed.current = true;
    fetch('/api/comments/token', { cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { token?: string } | null) => body?.token && setToken(body.token))
      .catch(() => undefined);
  };

  const field = (name: 'name' | 'email' | 'url' | 'comment') => ({
    id: name,
    name,
    defaultValue: values?.[name] ?? '',
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${name}-error` : undefined,
  });

  const form = (
    <div id="respond" className={replyTo ? 'respond is-reply' : 'respond'}>
      <h3 id="reply-title" className="reply-title">
        {replyTo ? `Leave a Reply to ${replyTo.name}` : 'Leave a Reply'}
        {replyTo ? (
          <>
            {' '}
            <a
              className="cancel-reply"
              href={`${articlePath}#respond`}
              onClick={(event) => {
                if (!clientReply) return;
                event.preventDefault();
                setReplyTarget(null);
              }}
            >
              Cancel reply
            </a>
          </>
        ) : null}
      </h3>
      {state.status === 'posted' ? (
        <p className="form-notice" role="status">
          {state.visible ? 'Thank you for your comment.' : 'Thank you. Your comment has been received.'}
          {state.mail ? ` ${state.mail}` : null}
        </p>
      ) : null}
      <form
        key={formKey}
        ref={formRef}
        action={formAction}
        className="comment-form"
        aria-labelledby="reply-title"
        onFocus={refreshToken}
        noValidate={hydrated}
      >
        <p className="comment-notes">
          <span id="email-notes">Your email address will not be published.</span> Required fields are marked{' '}
          <span className="required" aria-hidden="true">
            *
          </span>
          <span className="visually-hidden">with an asterisk</span>
        </p>
        <FormError message={state.status === 'invalid' ? state.formError : null} />
        <div className="comment-fields">
          <p className="comment-field">
            <label htmlFor="name">
              Name{' '}
              <span className="required" aria-hidden="true">
                *
              </span>
            </label>
            <input {...field('name')} type="text" autoComplete="name" maxLength={100} required />
            {errors.name ? <FieldError id="name-error" message={errors.name} /> : null}
          </p>
          <p className="comment-field">
            <label htmlFor="email">
              Email{' '}
              <span className="required" aria-hidden="true">
                *
              </span>
            </label>
            <input
              {...field('email')}
              type="email"
              autoComplete="email"
              maxLength={254}
              required
              aria-describedby={errors.email ? 'email-error email-notes' : 'email-notes'}
            />
            {errors.email ? <FieldError id="email-error" message={errors.email} /> : null}
          </p>
          <p className="comment-field">
            <label htmlFor="url">Website</label>
            <input {...field('url')} type="url" autoComplete="url" maxLength={2000} />
            {errors.url ? <FieldError id="url-error" message={errors.url} /> : null}
          </p>
        </div>
        <p className="comment-field">
          <label htmlFor="comment">
            Comment{' '}
            <span className="required" aria-hidden="true">
              *
            </span>
          </label>
          <textarea {...field('comment')} rows={7} maxLength={5000} required />
          {errors.comment ? <FieldError id="comment-error" message={errors.comment} /> : null}
        </p>
        <p className="comment-remember">
          <input
            id="remember"
            name="remember"
            type="checkbox"
            defaultChecked={values?.remember ?? false}
            aria-label="Save my details in this browser"
          />
          <label htmlFor="remember">Save my name, email, and website in this browser for the next time I comment.</label>
        </p>
        {notifyOffered ? (
          <fieldset className="comment-notify">
            <legend className="visually-hidden">Email notifications</legend>
            <p className="comment-remember">
              <input id="notifyReplies" name="notifyReplies" type="checkbox" defaultChecked={values?.notifyReplies ?? false} />
              <label htmlFor="notifyReplies">Notify me of replies to my comment by email.</label>
            </p>
            <p className="comment-remember">
              <input id="notifyStory" name="notifyStory" type="checkbox" defaultChecked={values?.notifyStory ?? false} />
              <label htmlFor="notifyStory">Notify me of new comments on this story by email.</label>
            </p>
          </fieldset>
        ) : null}
        <div className="hp" aria-hidden="true">
          <label htmlFor={HONEYPOT_FIELD}>Leave this field empty</label>
          <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <input type="hidden" name="articleId" value={articleId} />
        <input type="hidden" name="parentId" value={replyTo?.id ?? ''} />
        <input type="hidden" name="token" value={token} />
        {hydrated ? <input type="hidden" name="js" value="1" /> : null}
        <p className="form-submit">
          <button type="submit" disabled={sending} aria-busy={sending || undefined}>
            Post Comment
          </button>
          {sending ? (
            <span className="sending" role="status">
              Sending…
            </span>
          ) : null}
        </p>
      </form>
    </div>
  );

  return slot ? createPortal(form, slot) : form;
}

const noop = () => () => undefined;

/** True once React runs in the browser: the form then sends `js=1` and answers in place. */
function useHydrated() {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <span id={id} className="field-error">
      {message}
    </span>
  );
}
