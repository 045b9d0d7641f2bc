// Each page in each language shows only that language, except where the other one
// belongs and is marked: checklist content (Chinese) inside lang="zh-CN" on English
// pages, the English beside each label inside lang="en" on Chinese pages.
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { fixtureContent, fixtureItem } from '../support/fixtures';
import { languageProblems } from '../support/language-check';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(
    fixtureContent([
      fixtureItem('XF-001', {
        frequency: 'high',
        appliesTo: ['employees'],
        cases: [
          {
            title: '商场灭火器过期（示例）',
            facts: '商场灭火器过期。',
            outcome: '责令改正。',
            lesson: '每月检查。',
            illustrative: true,
          },
        ],
        leniency: [
          {
            kind: 'first-violation',
            conditions: ['初次违法', '当场改正'],
            correctionDays: 3,
            basis: '中华人民共和国行政处罚法 第三十三条第一款',
            note: '第一次被发现且当场改正的，可以不予处罚。',
          },
        ],
        reviewNeeded: true,
        reviewNote: '第六十条的款项待核对。',
      }),
      fixtureItem('XF-002'),
    ]),
  );
});
afterAll(async () => {
  await t.close();
});

// Pages with what the visitor typed on them.
const PAGES: ReadonlyArray<{ path: string; typed?: readonly string[] }> = [
  { path: '/' },
  { path: '/domains/XF' },
  { path: '/items/XF-001' },
  { path: '/items/XF-002' },
  { path: '/search?q=灭火器', typed: ['灭火器'] },
  { path: '/search?q=zzzz', typed: ['zzzz'] },
  { path: '/verify' },
  { path: '/login' },
  { path: '/nope', typed: ['/nope'] },
  { path: '/items/ZZ-999', typed: ['ZZ-999'] },
];

describe.each([
  ['zh-CN', 'zh'],
  ['en', 'en'],
] as const)('pages in %s', (lang, query) => {
  it.each(PAGES.map((p) => [p.path, p.typed ?? []] as const))('%s', async (path, typed) => {
    const res = await request(t.app).get(`${path}${path.includes('?') ? '&' : '?'}lang=${query}`);
    expect(res.text).toContain(`<html lang="${lang}">`);
    expect(languageProblems(res.text, lang, typed)).toEqual([]);
  });
});

describe('the language check itself', () => {
  it('flags Chinese outside lang="zh-CN" on an English page, not inside', () => {
    const page = '<html lang="en"><body><p>Penalty: <span lang="zh-CN">罚款</span></p><p>罚款</p></body></html>';
    expect(languageProblems(page, 'en')).toEqual([{ text: '罚款', path: 'html[en] > body > p' }]);
  });

  it('flags English outside lang="en" on a Chinese page, but not codes, numbers or brand names', () => {
    const page =
      '<html lang="zh-CN"><body><p>罚款 <span class="en" lang="en">Fine</span></p><p>XF-001 v3 JSON 合规 Hegui</p><p title="Log in">登录</p></body></html>';
    expect(languageProblems(page, 'zh-CN')).toEqual([{ text: 'Log in', path: 'html[zh-CN] > body' }]);
  });
});
