// The user dictionary of one checklist version: the words that must stay whole
// when text is segmented — everyday phrasings (keywords, synonyms), legal terms
// (synonyms' meanings, short phrases of item titles, record names) and law names.
import type { ChecklistContent } from '../../domain/checklist';
import { normaliseText } from './normalise';

const TITLE_SEPARATORS = /[、，,；;：:（）()“”"‘’《》\s]|或者|以及|或|及|和|与|并|等/;
// A leading negation belongs to the violation, not to the term (未取得健康证明 → 取得健康证明).
const LEADING_NEGATION = /^(未按照规定|未按规定|未依法|未经|擅自|未|不|没有)/;
const PHRASE = /^[\p{Script=Han}a-z0-9]{2,8}$/u;

const LAW_PREFIX = '中华人民共和国';

function lawNames(law: string): string[] {
  const name = normaliseText(law);
  return name.startsWith(LAW_PREFIX) && name.length > LAW_PREFIX.length + 1
    ? [name, name.slice(LAW_PREFIX.length)]
    : [name];
}

function phrases(text: string): string[] {
  return normaliseText(text)
    .split(TITLE_SEPARATORS)
    .map((p) => p.replace(LEADING_NEGATION, ''))
    .filter((p) => PHRASE.test(p));
}

export function userDictionary(content: ChecklistContent): Set<string> {
  const words = new Set<string>();
  const add = (w: string): void => {
    const n = normaliseText(w).trim();
    if (n.length >= 2 && !/\s/.test(n)) words.add(n);
  };
  for (const s of content.synonyms ?? []) [...s.terms, ...s.means].forEach(add);
  for (const d of content.domains) {
    for (const item of d.items) {
      item.keywords?.forEach(add);
      phrases(item.title).forEach(add);
      item.evidence.flatMap(phrases).forEach(add);
      for (const c of [...item.basis, ...item.penalty]) lawNames(c.law).forEach(add);
    }
  }
  return words;
}
