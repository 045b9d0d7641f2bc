// One normal form for indexed text and queries: full-width → half-width (NFKC),
// lower case, runs of white space as one space.
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function normaliseQuery(query: string): string {
  return normaliseText(query).replace(/\s+/g, ' ').trim();
}

/** True for a token that is only punctuation, symbols or white space. */
export function isNoise(token: string): boolean {
  return /^[\p{P}\p{S}\s]*$/u.test(token);
}

// Letters, digits and CJK ideographs (BMP); everything else breaks a bigram.
function isWordChar(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a)
  );
}

/** Character bigrams of a text, skipping pairs that contain anything but letters, digits or ideographs. */
export function charBigrams(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i += 1) {
    if (isWordChar(text.charCodeAt(i)) && isWordChar(text.charCodeAt(i + 1))) out.push(text.slice(i, i + 2));
  }
  return out;
}
