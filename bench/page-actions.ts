/**
 * The server action behind a form, read from the page a browser gets, the way a browser without
 * JavaScript finds it: the bench posts forms as such a browser does, and so needs nothing of the
 * build's own files. React writes an action form's id into its hidden fields, either as the field
 * name `$ACTION_ID_<id>` or, for a form with state (useActionState), inside `$ACTION_<n>:0`'s value.
 */
const entities: Record<string, string> = { '&quot;': '"', '&#x27;': "'", '&#39;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' };
const decode = (text: string) => text.replace(/&(?:quot|#x27|#39|lt|gt|amp);/g, (entity) => entities[entity]!);

/** The action id of the first form on the page holding a field named `fieldName`. */
export function actionIdFromPage(html: string, fieldName: string): string {
  for (const [form] of html.matchAll(/<form\b[\s\S]*?<\/form>/g)) {
    if (!form.includes(`name="${fieldName}"`)) continue;
    const plain = /name="\$ACTION_ID_([0-9a-f]+)"/.exec(form);
    if (plain) return plain[1]!;
    const bound = /name="\$ACTION_\d+:0" value="([^"]*)"/.exec(form);
    const id = bound ? (JSON.parse(decode(bound[1]!)) as { id?: unknown }).id : undefined;
    if (typeof id === 'string') return id;
  }
  throw new Error(`no action form with a field named ${fieldName} on the page`);
}

/** Fetches `url` and reads the action of its form holding `fieldName`. */
export async function actionIdAt(url: string, fieldName: string, init?: RequestInit): Promise<string> {
  const response = await fetch(url, init);
  return actionIdFromPage(await response.text(), fieldName);
}
