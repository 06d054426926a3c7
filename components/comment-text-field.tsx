/** A comment's text in a form of its own (the desk's edit and reply, a commenter's edit): the refusal beside it, the text kept. */
export function CommentTextField({ label, value, error }: { label: string; value: string; error: string | null }) {
  return (
    <p className="comment-field">
      <label htmlFor="body">{label}</label>
      <textarea id="body" name="body" rows={8} maxLength={5000} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={error ? 'body-error' : undefined} />
      {error ? (
        <span id="body-error" className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </p>
  );
}
