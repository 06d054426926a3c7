/**
 * Text as Broadsheet keeps it: line breaks as `\n`, and no control character but tab and newline.
 * A NUL byte (which PostgreSQL's text cannot hold at all), an escape sequence or a form feed never
 * belongs in a story, a comment, a name or a note, and pasted text carries them now and then; every
 * form's parser passes what it reads through this before it checks lengths.
 */
export function plainText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** For `z.preprocess`: a string made plain text; anything else left for the schema to refuse. */
export const plainTextIfString = (value: unknown) => (typeof value === 'string' ? plainText(value) : value);
