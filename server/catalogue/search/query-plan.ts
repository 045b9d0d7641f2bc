// Turns a query into concepts: one per word of the query (jieba precise mode, stop
// words dropped), each with the index terms that may stand for it and a weight —
// the word itself, the dictionary words inside it, the legal terms of a synonym
// that overlaps it, and character bigrams when the index knows none of those.
// An item scores for a concept by its best alternative, so a word never counts twice.
import { charBigrams } from './normalise';
import type { PostingTable } from './postings';
import { queryTokens, subWords } from './segmenter';
import type { SynonymTable } from './synonyms';

export interface Alternative {
  readonly term: string;
  readonly weight: number;
  readonly bigram: boolean;
}

export interface Concept {
  readonly text: string;
  readonly alternatives: readonly Alternative[];
  /** Share of the query this concept stands for (idf-based), for term coverage. */
  readonly importance: number;
}

export interface QueryPlan {
  readonly concepts: readonly Concept[];
  /** Item codes or code prefixes typed in the query (aq-001, aq-0). */
  readonly codes: readonly string[];
}

// Function words and question words of everyday questions: they carry no topic.
const STOP_WORDS = new Set(
  (
    '的 了 吗 呢 吧 啊 呀 嘛 么 和 与 及 或 或者 是 在 有 没 没有 不 未 无 要 需要 想 能 能不能 可以 可不可以 会 该 应该 得 ' +
    '怎么 怎么办 怎样 怎么样 如何 什么 哪些 哪里 哪个 谁 几 多少 为什么 是否 还 也 都 就 又 再 很 太 最 把 被 给 让 ' +
    '对 从 向 跟 这 那 这个 那个 一个 一下 我 我们 你 你们 他 她 他们 自己 咱们 请问 一些 啥 呗 着 过 里 上 下 去 来 ' +
    '出来 起来 下来 上去 进去 回来 一直 总是 老是 经常 现在 已经 刚 才 还是 到底 究竟 呢 比 还 时候 时 后 前'
  ).split(' '),
);

const CODE = /^([a-z]{2})-(\d{0,3})$/;
const HAN = /\p{Script=Han}/u;

const WEIGHT = { exact: 1, synonym: 0.9, bigram: 0.6, part: 0.55, char: 0.3 } as const;

export function planQuery(
  query: string,
  words: PostingTable,
  bigrams: PostingTable,
  synonyms: SynonymTable,
): QueryPlan {
  const codes: string[] = [];
  let text = '';
  for (const part of query.split(' ')) {
    if (CODE.test(part)) codes.push(part);
    else text += `${text ? ' ' : ''}${part}`;
  }
  const tokens = queryTokens(text).filter((t) => !STOP_WORDS.has(t.text));
  const matches = synonyms.matches(text);
  const concepts: Concept[] = [];
  const usedMatches = new Set<number>();

  const add = (alts: Alternative[], term: string, weight: number, bigram = false): void => {
    if ((bigram ? bigrams : words).has(term) && !alts.some((a) => a.term === term && a.bigram === bigram))
      alts.push({ term, weight, bigram });
  };
  const addLegal = (alts: Alternative[], means: readonly string[]): void => {
    for (const m of means) {
      if (words.has(m)) add(alts, m, WEIGHT.synonym);
      else for (const w of subWords(m)) add(alts, w, WEIGHT.part);
    }
  };

  for (const token of tokens) {
    const alts: Alternative[] = [];
    add(alts, token.text, WEIGHT.exact);
    if (token.text.length > 1) for (const w of subWords(token.text)) add(alts, w, WEIGHT.part);
    matches.forEach((m, i) => {
      if (m.start < token.end && token.start < m.end) {
        usedMatches.add(i);
        addLegal(alts, m.means);
      }
    });
    // A word the dictionary lacks (jieba's HMM made it up): its character bigrams, else its characters.
    // Not for Latin letters and digits: a phone number's 00 and 13 are no evidence of anything.
    const han = HAN.test(token.text);
    if (alts.length === 0 && han) for (const b of charBigrams(token.text)) add(alts, b, WEIGHT.bigram, true);
    if (alts.length === 0 && han && token.text.length > 1)
      for (const ch of Array.from(token.text)) if (!STOP_WORDS.has(ch)) add(alts, ch, WEIGHT.char);
    concepts.push(concept(token.text, alts, words, bigrams));
  }
  // A synonym that lies only on stop words (没签合同 → 没 is one) still adds its terms.
  matches.forEach((m, i) => {
    if (usedMatches.has(i)) return;
    const alts: Alternative[] = [];
    addLegal(alts, m.means);
    if (alts.length > 0) concepts.push(concept(text.slice(m.start, m.end), alts, words, bigrams));
  });
  return { concepts, codes };
}

function concept(text: string, alternatives: Alternative[], words: PostingTable, bigrams: PostingTable): Concept {
  // An unknown word still counts against coverage: the index has nothing for part of the question.
  let importance = alternatives.length === 0 ? words.maxIdf * 0.6 : 0;
  for (const a of alternatives) importance = Math.max(importance, a.weight * (a.bigram ? bigrams : words).idf(a.term));
  if (Array.from(text).length === 1) importance *= 0.5;
  return { text, alternatives, importance };
}
