/** The part of negotiator 1.x that lib/encoded-bodies.ts uses (the package ships no types). */
declare module 'negotiator' {
  import type { IncomingHttpHeaders } from 'node:http';

  export default class Negotiator {
    constructor(request: { headers: IncomingHttpHeaders });
    /** The most preferred of `available` that the request accepts; ties go to `options.preferred`'s order. */
    encoding(available?: string[], options?: { preferred?: string[] }): string | undefined;
  }
}
