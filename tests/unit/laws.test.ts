import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LawLibrary, parseArticleRef, parseChineseNumber } from '../../server/catalogue/laws';

const laws = new LawLibrary(resolve(__dirname, '..', 'fixtures', 'laws'));
const LAW = '中华人民共和国安全生产法';

describe('Chinese numerals and article references', () => {
  it.each([
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['九十七', 97],
    ['一百零五', 105],
    ['一百二十', 120],
    ['二百三十一', 231],
  ])('reads %s as %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it('splits 条, 款 and 项', () => {
    expect(parseArticleRef('第九十七条第四项')).toEqual({
      article: 97,
      point: 4,
      paragraph: undefined,
      sub: undefined,
    });
    expect(parseArticleRef('第二十八条第四款')).toEqual({
      article: 28,
      paragraph: 4,
      point: undefined,
      sub: undefined,
    });
  });

  it('rejects Arabic numerals', () => {
    expect(parseArticleRef('第28条')).toBeUndefined();
  });
});

describe('verifying a citation against the law texts', () => {
  it('accepts a verbatim quote from the cited paragraph', () => {
    expect(
      laws.verify({
        law: LAW,
        article: '第二十八条第四款',
        text: '生产经营单位应当建立安全生产教育和培训档案，如实记录安全生产教育和培训的时间、内容、参加人员以及考核结果等情况。',
      }),
    ).toEqual({ ok: true });
  });

  it('ignores full-width versus ASCII punctuation and whitespace', () => {
    expect(
      laws.verify({
        law: LAW,
        article: '第二十八条',
        text: '生产经营单位应当建立安全生产教育和培训档案,如实记录 安全生产教育和培训的时间',
      }).ok,
    ).toBe(true);
  });

  it('accepts pieces joined by …… when they appear in order', () => {
    expect(
      laws.verify({
        law: LAW,
        article: '第九十七条第四项',
        text: '生产经营单位有下列行为之一的，责令限期改正，处十万元以下的罚款；……（四）未如实记录安全生产教育和培训情况的；',
      }).ok,
    ).toBe(true);
  });

  it('rejects pieces joined by …… in the wrong order', () => {
    expect(
      laws.verify({
        law: LAW,
        article: '第九十七条',
        text: '（四）未如实记录安全生产教育和培训情况的；……生产经营单位有下列行为之一的',
      }).ok,
    ).toBe(false);
  });

  it('rejects a quote with a changed word', () => {
    const v = laws.verify({ law: LAW, article: '第二十八条', text: '如实记录安全生产培训的时间' });
    expect(v).toEqual({ ok: false, reason: expect.stringContaining('quote not found') });
  });

  it('rejects a quote taken from another paragraph than the cited 款', () => {
    const v = laws.verify({
      law: LAW,
      article: '第二十八条第一款',
      text: '生产经营单位应当建立安全生产教育和培训档案',
    });
    expect(v.ok).toBe(false);
  });

  it('rejects a 项 the article does not have', () => {
    expect(laws.verify({ law: LAW, article: '第九十七条第九项', text: '未如实记录' })).toEqual({
      ok: false,
      reason: expect.stringContaining('no point (项) 9'),
    });
  });

  it('rejects an article the law does not have', () => {
    expect(laws.verify({ law: LAW, article: '第三百条', text: '任何文字' })).toEqual({
      ok: false,
      reason: expect.stringContaining('has no'),
    });
  });

  it('rejects a law that is not in the library', () => {
    expect(laws.verify({ law: '中华人民共和国不存在法', article: '第一条', text: '任何文字' })).toEqual({
      ok: false,
      reason: expect.stringContaining('not in the law library'),
    });
  });

  it('checks against the latest version when several are listed', () => {
    expect(laws.verify({ law: LAW, article: '第二十八条', text: '旧版本的文本' }).ok).toBe(false);
  });
});

describe('several folders', () => {
  it('verifies a citation of a law found only in the second folder, and still the first folder’s', () => {
    const local = mkdtempSync(join(tmpdir(), 'hegui-laws-'));
    try {
      writeFileSync(
        join(local, 'INDEX.tsv'),
        'title\tshort\tdate\tlatest\tpath\tsource\n江苏省测试条例\t测试条例\t2020-01-01\tyes\tt.md\thttps://example.org/t 2026-12-04\n',
      );
      writeFileSync(join(local, 't.md'), '# 江苏省测试条例\n\n<!-- INFO END -->\n\n第一条 本条例适用于本省。\n');
      const both = new LawLibrary([resolve(__dirname, '..', 'fixtures', 'laws'), local]);
      expect(both.verify({ law: '江苏省测试条例', article: '第一条', text: '适用于本省' })).toEqual({ ok: true });
      expect(both.has(LAW)).toBe(true);
      expect(laws.has('江苏省测试条例')).toBe(false);
    } finally {
      rmSync(local, { recursive: true, force: true });
    }
  });
});
