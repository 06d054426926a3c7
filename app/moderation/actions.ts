'use server';

import { formDataOf } from '@/lib/action-args';
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { canModerate, currentStaff } from '@/auth';
import { decideComments, idsInStatus, type StatusChange, undoDecision } from '@/db/moderation';
import { commentStatuses } from '@/lib/comment-status';
import { commentsChanged } from '@/db/invalidate';
import { describeDone, type ModerationOp, moderationOps, parseRowIntent } from '@/lib/moderation-ops';
import { type Notice, safeDeskPath, withNotice } from '@/lib/notice';
import { isStorageError, storageMessage } from '@/lib/storage-errors';

export type UndoEntry = { id: number; status: (typeof commentStatuses)[number] };
export type ModerateState =
  | { status: 'idle' }
  | { status: 'done'; message: string; undo: UndoEntry[]; at: number }
  | { status: 'refused'; message: string; at: number };

const refused = (message: string): ModerateState => ({ status: 'refused', message, at: Date.now() });
const denied = () => refused('Sign in as a moderator to do that. Nothing was changed.');

/**
 * With JavaScript the state is the answer. Without it, the browser is sent back to the queue it came
 * from with the same message in a signed `notice` (post, redirect, get), since a per-person page
 * re-rendered for a plain form post does not carry the form's state.
 */
function answer(formData: FormData, state: ModerateState): ModerateState {
  if (formData.get('js') === '1' || state.status === 'idle') return state;
  const notice: Notice = { kind: state.status, message: state.message, undo: state.status === 'done' ? state.undo : [], at: state.at };
  redirect(withNotice(safeDeskPath(formData.get('returnTo')), notice));
}

const Ids = z.array(z.coerce.number().int().positive()).max(500);
const BulkOp = z.enum(moderationOps);

/** Readers see a change at their next request: only stories whose visible thread changed are invalidated. */
function invalidate(changes: StatusChange[], restyled: number[] = []) {
  const articles = new Set(changes.filter((c) => c.from === 'approved' || c.to === 'approved').map((c) => c.articleId));
  commentsChanged(new Set([...articles, ...restyled]));
}

/**
 * The database out of reach (PostgreSQL restarting, SQLite's disk full or read-only): said beside the
 * desk's buttons, with nothing changed, rather than an error page. Bugs still throw.
 */
async function unlessStorageFails(what: string, work: () => Promise<ModerateState>): Promise<ModerateState> {
  try {
    return await work();
  } catch (error) {
    if (!isStorageError(error)) throw error;
    console.error(`[moderation] could not ${what}: ${(error as Error).message}`);
    return refused(storageMessage);
  }
}

/**
 * The desk's one form: a row's button (`intent=approve:12`), the bulk bar (`intent=bulk`, the chosen
 * `bulkAction` and the ticked `ids`), or Empty Spam / Empty Trash.
 */
export async function moderateComments(_previous: ModerateState, submitted: FormData): Promise<ModerateState> {
  const formData = formDataOf(_previous, submitted);
  return answer(formData, await unlessStorageFails('moderate comments', () => moderate(formData)));
}

async function moderate(formData: FormData): Promise<ModerateState> {
  const staff = await currentStaff();
  if (!canModerate(staff)) return denied();

  const intent = String(formData.get('intent') ?? '');
  let op: ModerationOp;
  let ids: number[];
  const row = parseRowIntent(intent);
  if (row) {
    op = row.op;
    ids = [row.id];
  } else if (intent === 'bulk') {
    const bulk = BulkOp.safeParse(formData.get('bulkAction'));
    const ticked = Ids.safeParse(formData.getAll('ids'));
    if (!bulk.success) return refused('Choose a bulk action.');
    if (!ticked.success || ticked.data.length === 0) return refused('Select at least one comment.');
    op = bulk.data;
    ids = ticked.data;
  } else if (intent === 'empty-spam' || intent === 'empty-trash') {
    op = 'delete';
    ids = await idsInStatus(intent === 'empty-spam' ? 'spam' : 'trash');
  } else {
    return refused('That is not something the desk can do.');
  }

  const { count, changes, restyled } = await decideComments(staff, op, ids, new Date());
  invalidate(changes, restyled);
  refresh();
  const undo = changes.map((change) => ({ id: change.id, status: change.from }));
  return { status: 'done', message: describeDone(op, count), undo, at: Date.now() };
}

const UndoInput = z.array(z.object({ id: z.number().int().positive(), status: z.enum(commentStatuses) })).min(1).max(500);

/** Puts back what the last action changed (the `u` key, or the Undo button). */
export async function undoModeration(_previous: ModerateState, submitted: FormData): Promise<ModerateState> {
  const formData = formDataOf(_previous, submitted);
  return answer(formData, await unlessStorageFails('undo a decision', () => undoLast(formData)));
}

async function undoLast(formData: FormData): Promise<ModerateState> {
  const staff = await currentStaff();
  if (!canModerate(staff)) return denied();
  let raw: unknown;
  try {
    raw = JSON.parse(String(formData.get('undo') ?? ''));
  } catch {
    raw = null;
  }
  const parsed = UndoInput.safeParse(raw);
  if (!parsed.success) return refused('There is nothing to undo.');
  const changes = await undoDecision(staff, parsed.data, new Date());
  invalidate(changes);
  refresh();
  const message = `Undone: ${changes.length} ${changes.length === 1 ? 'comment' : 'comments'} put back.`;
  return { status: 'done', message, undo: [], at: Date.now() };
}
