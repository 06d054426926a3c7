'use client';

import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { autosaveStory } from './actions';

/** Idle typing for this long saves the text as the writer's autosave. */
export const AUTOSAVE_IDLE_MS = 3_000;

const timeOfDay = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/**
 * The story form with JavaScript on: what was typed and not saved is autosaved (a story already on the
 * desk: its writer's own autosave revision, a few seconds after they stop typing), and leaving the
 * page, by a link or by closing it, asks first. Without JavaScript none of this runs and the form
 * works as it is.
 */
export function useUnsavedChanges(form: RefObject<HTMLFormElement | null>, storyId: number | null, startDirty: boolean, refusals: number) {
  const [dirty, setDirty] = useState(startDirty);
  const [autosaved, setAutosaved] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const submitting = useRef(false);

  const autosave = useCallback(async () => {
    const element = form.current;
    if (!element || storyId === null || submitting.current) return;
    const data = new FormData(element);
    const text = (name: string) => String(data.get(name) ?? '');
    try {
      const answer = await autosaveStory({ storyId, headline: text('headline'), standfirst: text('standfirst'), body: text('body') });
      setAutosaved(answer.ok ? `Autosaved at ${timeOfDay.format(new Date(answer.savedAt))}. Save to publish your changes or keep them in the story.` : answer.message);
    } catch {
      setAutosaved('Not autosaved: the desk cannot be reached.');
    }
  }, [form, storyId]);

  const onInput = useCallback(() => {
    setDirty(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void autosave(), AUTOSAVE_IDLE_MS);
  }, [autosave]);

  const onSubmit = useCallback(() => {
    submitting.current = true;
    clearTimeout(timer.current);
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);
  // A refused save leaves the text unsaved, as before it was sent.
  useEffect(() => {
    submitting.current = false;
  }, [refusals]);

  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (submitting.current) return;
      event.preventDefault();
      // Older browsers need a value here; none shows it.
      event.returnValue = '';
    };
    // Links inside the app change pages without unloading it: ask before following one.
    const click = (event: MouseEvent) => {
      if (submitting.current || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!link || link.getAttribute('target') === '_blank') return;
      if (!window.confirm('Leave this story? Changes you have not saved will be lost (the last autosave is kept).')) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, [dirty]);

  return { onInput, onSubmit, autosaved };
}
