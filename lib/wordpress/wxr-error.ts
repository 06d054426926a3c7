/**
 * Why a WordPress export could not be read, and where: `line` is 1-based, `column` 1-based (in
 * characters), and the message starts with both so a person can open the file at that spot.
 */
export class WxrError extends Error {
  readonly line: number;
  readonly column: number;

  constructor(line: number, column: number, reason: string) {
    super(`Line ${line}, column ${column}: ${reason}`);
    this.name = 'WxrError';
    this.line = line;
    this.column = column;
  }
}
