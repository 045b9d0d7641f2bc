// JSON parsed the way a verifier must: a document whose meaning depends on the
// reader is refused. JSON.parse keeps the last of two equal keys while a person
// (or another parser) may read the first, so a duplicated key is an error; so
// are nesting deeper than a real document needs, comments and trailing commas.
import { visit, printParseErrorCode, type ParseErrorCode } from 'jsonc-parser';

export type StrictJsonResult =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly reason: 'syntax' | 'duplicate-key' | 'too-deep';
      readonly at: number;
      readonly detail: string;
    };

/** Nesting depth of objects and arrays, counted without recursion (strings skipped). */
function depthExceeds(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > maxDepth) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}

export function parseStrictJson(text: string, maxDepth = 32): StrictJsonResult {
  const deep = depthExceeds(text, maxDepth);
  if (deep !== undefined) return { ok: false, reason: 'too-deep', at: deep, detail: `nested deeper than ${maxDepth}` };
  const keys: Set<string>[] = [];
  // Set from the visitor's callbacks (an object, so the type checker sees it can change).
  const found: { failure?: StrictJsonResult } = {};
  visit(
    text,
    {
      onObjectBegin: () => {
        keys.push(new Set());
      },
      onObjectEnd: () => {
        keys.pop();
      },
      onObjectProperty: (property, offset) => {
        const seen = keys.at(-1);
        if (found.failure || !seen) return;
        if (seen.has(property))
          found.failure = { ok: false, reason: 'duplicate-key', at: offset, detail: `key "${property}" appears twice` };
        seen.add(property);
      },
      onError: (error: ParseErrorCode, offset) => {
        found.failure ??= { ok: false, reason: 'syntax', at: offset, detail: printParseErrorCode(error) };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (found.failure) return found.failure;
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    // What the visitor accepts JSON.parse should too; keep the answer an error, not a throw.
    return { ok: false, reason: 'syntax', at: 0, detail: err instanceof Error ? err.message : 'not JSON' };
  }
}
