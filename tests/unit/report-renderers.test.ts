import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Leniency } from '../../server/domain/checklist';
import { renderReportDocx } from '../../server/assessment/report-docx';
import { CJK_FONT_BOLD, PdfFontsMissingError, renderReportPdf } from '../../server/assessment/report-pdf';
import { leniencyGuide } from '../../server/assessment/leniency-guide';
import { reportView } from '../../server/assessment/report-view';
import { formatBasis, formatRate } from '../../server/assessment/report-words';
import { industryLabel } from '../../server/domain/organisation';
import { loadViews } from '../../server/http/views';
import { HOSTILE_NOTE, fingerprintOf, reportFixture, reportFixtureFingerprint } from '../support/report-fixture';

const FP = reportFixtureFingerprint;
const first: Leniency = reportFixture.gaps[1].leniency[0];
/** Whitespace-free text: PDF extraction and wrapping move spaces and line breaks around. */
const squash = (s: string): string => s.replace(/\s+/g, '');

describe('report fixture', () => {
  it('has a fingerprint that follows its content', () => {
    expect(FP).toMatch(/^[0-9a-f]{64}$/);
    // Key order does not matter (canonical JSON); content does.
    const reordered = Object.fromEntries(Object.entries(reportFixture).reverse()) as unknown as typeof reportFixture;
    expect(fingerprintOf(reordered)).toBe(FP);
    expect(fingerprintOf({ ...reportFixture, submittedAt: '2026-11-26T17:30:01.000Z' })).not.toBe(FP);
    expect(reportFixture.gaps[1].leniency[0]).toMatchObject({ kind: 'first-violation', correctionDays: 15 });
  });
});

describe('reportView', () => {
  const v = reportView(reportFixture, FP);

  it('formats rates as percentages and keeps the counts', () => {
    expect(v.overall).toEqual({ total: 9, compliant: 5, nonCompliant: 2, notApplicable: 1, unsure: 1, rate: '62.5%' });
    expect(v.domains.map((d) => [d.code, d.rate, d.nonCompliant])).toEqual([
      ['AQ', '50%', 1],
      ['XF', '75%', 1],
    ]);
    expect(formatRate(0.875)).toBe('87.5%');
    expect(formatRate(0.6667)).toBe('66.7%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(null)).toBe('—');
  });

  it('keeps the gaps in the order given (risk order, not code order)', () => {
    expect(v.gaps.map((g) => g.code)).toEqual(['XF-001', 'AQ-001', 'AQ-019']);
    expect(v.gaps.map((g) => g.index)).toEqual([1, 2, 3]);
    expect([v.gapCount, v.gapNonCompliant, v.gapUnsure]).toEqual([3, 2, 1]);
    expect(v.gaps[2].statusLabel).toBe('不确定');
  });

  it('writes dates in Chinese in the Beijing zone and labels the organisation', () => {
    expect(v.submitted).toBe('2026年11月27日'); // 17:30 UTC on the 26th is the 27th in Beijing
    expect(v.gaps[0].action).toEqual({ owner: '李娜', due: '2026年12月5日', corrected: '2026年12月1日' });
    expect(v.gaps[1].action).toEqual({ owner: '王强（安全主管）', due: '2026年12月15日', corrected: null });
    expect(v.org.industry).toBe('C 制造业');
    expect(industryLabel('A')).toBe('A 农、林、牧、渔业');
    expect(industryLabel('T')).toBe('T 国际组织');
    expect(v.org.size).toBe('小型');
    expect(v.verifyPath).toBe(`/verify/${FP}`);
  });

  it('cites laws in 《》 and labels consequences with the interface words', () => {
    expect(v.gaps[1].basis[0].heading).toBe('《中华人民共和国安全生产法》第二十八条第四款');
    expect(v.gaps[1].penalty[0].consequences).toEqual(['罚款', '停产停业']);
    expect(v.gaps[2].consequences).toEqual(['罚款', '刑事责任']);
  });

  it('groups every answer under its domain, notes kept as given', () => {
    expect(v.answerGroups.map((g) => [g.code, g.answers.length])).toEqual([
      ['AQ', 5],
      ['XF', 4],
    ]);
    expect(v.answerGroups[0].answers[0].note).toBe(HOSTILE_NOTE);
    expect(v.answerGroups[0].answers[3].statusLabel).toBe('不适用');
  });

  it('refuses a fingerprint that is not a SHA-256', () => {
    expect(() => reportView(reportFixture, 'not-a-hash')).toThrow(/64/);
  });

  it('contains no markup', () => {
    expect(JSON.stringify({ ...v, gaps: v.gaps.map((g) => ({ ...g, note: null })), answerGroups: [] })).not.toMatch(
      /<[a-z/]/i,
    );
  });
});

describe('leniencyGuide', () => {
  it('explains a first violation: checklist, deadline, outcome citing the basis, disqualifiers, who decides', () => {
    const g = leniencyGuide(first);
    expect(g.kindLabel).toBe('首违可不罚');
    expect(g.conditions).toEqual(first.conditions);
    expect(g.correctionText).toBe('须在15日内改正');
    expect(g.outcome).toBe(
      '若为首次违法、危害后果轻微并在责令改正期限内改正，依据《中华人民共和国行政处罚法》第三十三条第一款，可以不予行政处罚。',
    );
    expect(g.disqualifiers.join('；')).toMatch(/两年内有同类违法记录/);
    expect(g.disqualifiers.join('；')).toMatch(/超过15日仍未改正/);
    expect(g.disqualifiers.join('；')).toMatch(/“可以”.*裁量/);
    expect(g.decidedBy).toMatch(/执法机关.*个案认定/);
    expect(g.source).toBe('江苏省应急管理轻微违法行为不予行政处罚清单（试行）第1项');
  });

  it('says 不予 for no-penalty and 应当从轻或者减轻 for 行政处罚法 第三十二条', () => {
    const none = leniencyGuide(reportFixture.gaps[0].leniency[0]);
    expect(none.outcome).toBe('若同时满足上述条件，依据《中华人民共和国行政处罚法》第三十三条第一款，不予行政处罚。');
    expect(none.correctionText).toBeUndefined();
    const lighter = leniencyGuide(reportFixture.gaps[2].leniency[0]);
    expect(lighter.outcome).toContain('依据《中华人民共和国行政处罚法》第三十二条，应当依法从轻或者减轻行政处罚');
  });

  it('says 可以 when the lighter rule comes from a law that only allows it', () => {
    const g = leniencyGuide({
      kind: 'lighter',
      conditions: ['如实说明进货来源'],
      basis: '中华人民共和国产品质量法 第五十五条',
    });
    expect(g.outcome).toContain('依据《中华人民共和国产品质量法》第五十五条，可以依法从轻或者减轻行政处罚');
    expect(g.disqualifiers.join('；')).toMatch(/裁量/);
  });

  it('never promises an outcome', () => {
    for (const l of reportFixture.gaps.flatMap((gap) => gap.leniency)) {
      const g = leniencyGuide(l);
      const all = [g.outcome, g.decidedBy, ...g.disqualifiers, g.correctionText ?? ''].join('');
      expect(all).not.toMatch(/一定|保证|必然|肯定/);
      expect(g.decidedBy).toContain('执法机关');
    }
  });

  it('wraps law titles in 《》 once, several citations included', () => {
    expect(formatBasis('中华人民共和国行政处罚法 第三十三条第一款；明码标价和禁止价格欺诈规定 第二十六条第二款')).toBe(
      '《中华人民共和国行政处罚法》第三十三条第一款、《明码标价和禁止价格欺诈规定》第二十六条第二款',
    );
    expect(formatBasis('《中华人民共和国消防法》第六十七条')).toBe('《中华人民共和国消防法》第六十七条');
  });
});

describe('HTML report', () => {
  const views = loadViews(join(__dirname, '../../views'));
  const html = views.renderToString('assessment/report', {
    ...reportView(reportFixture, FP),
    lang: 'zh-CN',
    htmlLang: 'zh-CN',
    downloads: { json: '/r/1.json', docx: '/r/1.docx', pdf: '/r/1.pdf' },
  });

  it('escapes the user note and shows the fingerprint with its verify link', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain(`<code>${FP}</code>`);
    expect(html).toContain(`href="/verify/${FP}"`);
    expect(html).toContain('校验码 (SHA-256)');
  });

  it('has the sections, in order, with accessible tables', () => {
    const order = ['一、自评结果概览', '二、需要整改的事项', '三、全部自评结果', '四、说明'].map((h) =>
      html.indexOf(h),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('<caption id="domain-table-caption">各领域自评结果');
    expect(html).toContain('<th scope="col" class="num">合规率</th>');
    expect(html).toMatch(/<th scope="row"><span class="item-code">AQ<\/span>/);
    expect(html.indexOf('id="gap-XF-001"')).toBeLessThan(html.indexOf('id="gap-AQ-001"'));
    expect(html).toContain('本报告依据企业自评结果生成，不代表执法机关的认定');
  });

  it('shows the navigator with print-friendly checkboxes and the English beside', () => {
    expect(html).toContain('须在15日内改正');
    expect(html).toContain('<span class="tick" aria-hidden="true">☐</span>初次违法');
    expect(html).toContain('免罚轻罚指引 <span class="en" lang="en">Penalty relief navigator</span>');
    expect(html).toContain('href="/r/1.docx"');
    expect(html).toContain('<link rel="stylesheet" href="/assets/report.css">');
    // Strict CSP: no inline styles; only script files: the layout's and the one opening the folds for printing.
    expect(html).not.toMatch(/\sstyle=/);
    expect(html.match(/<script\b[^>]*>/g)).toEqual([
      '<script src="/assets/app.js" defer>',
      '<script src="/assets/report-print.js" defer>',
    ]);
  });

  it('has no sharing section unless sharing is set', () => {
    expect(html).not.toContain('report-sharing');
  });
});

describe('DOCX report', () => {
  let documentXml = '';
  let footerXml = '';
  let stylesXml = '';
  beforeAll(async () => {
    expect(require.resolve('jszip')).toBeTruthy();
    const buffer = await renderReportDocx(reportFixture, FP);
    const zip = await JSZip.loadAsync(buffer);
    documentXml = await zip.file('word/document.xml')!.async('string');
    stylesXml = await zip.file('word/styles.xml')!.async('string');
    const footers = zip.file(/^word\/footer\d*\.xml$/);
    footerXml = (await Promise.all(footers.map((f) => f.async('string')))).join('');
  });

  it('contains the Chinese texts and the escaped note as text', () => {
    expect(documentXml).toContain('企业行政合规自评报告');
    expect(documentXml).toContain('苏州恒信精密机械有限公司');
    expect(documentXml).toContain('未如实记录安全生产教育和培训情况');
    expect(documentXml).toContain('62.5%');
    expect(documentXml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(documentXml).not.toContain('<script>');
    expect(documentXml).toContain('可以不予行政处罚');
    expect(documentXml).toContain('本报告依据企业自评结果生成，不代表执法机关的认定');
  });

  it('replaces characters XML forbids instead of writing a file Word refuses', async () => {
    const gaps = reportFixture.gaps.map((g, i) => (i === 0 ? { ...g, note: '压力不足\u0001\u000b记录' } : g));
    const zip = await JSZip.loadAsync(await renderReportDocx({ ...reportFixture, gaps }, FP));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('压力不足\uFFFD\uFFFD记录');
    expect(xml).not.toContain('\u0001');
    expect(xml).not.toContain('\u000b');
  });

  it('is A4 with East Asian fonts set apart from the Latin ones', () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(stylesXml).toMatch(/<w:rFonts w:ascii="Times New Roman"[^>]*w:eastAsia="仿宋"/);
    expect(stylesXml).toMatch(/w:eastAsia="黑体"/);
  });

  it('puts the fingerprint and 第 X 页 共 Y 页 fields in the footer', () => {
    expect(footerXml).toContain(FP);
    expect(footerXml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footerXml).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(footerXml).toContain('第 ');
    expect(footerXml).toContain(' 页 共 ');
  });
});

describe('PDF report', () => {
  let text = '';
  let dir = '';
  beforeAll(async () => {
    const buffer = await renderReportPdf(reportFixture, FP);
    expect(buffer.subarray(0, 5).toString()).toBe('%PDF-');
    dir = mkdtempSync(join(tmpdir(), 'hegui-report-'));
    const file = join(dir, 'report.pdf');
    writeFileSync(file, buffer);
    text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has the organisation, the gaps in order and the user note as literal text', () => {
    const flat = squash(text);
    expect(flat).toContain('苏州恒信精密机械有限公司');
    expect(flat).toContain(squash('未如实记录安全生产教育和培训情况'));
    expect(flat.indexOf('XF-001消防设施')).toBeLessThan(flat.indexOf('AQ-001未如实记录'));
    expect(text).toContain('<script>alert(1)</script>');
    expect(flat).toContain('须在15日内改正');
    expect(flat).toContain('62.5%');
  });

  it('prints the fingerprint and 第 X 页 共 Y 页 on every page', () => {
    const pages = text.split('\f').filter((p) => p.trim().length > 0);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain(FP);
      expect(page.replace(/ +/g, ' ')).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`);
    });
    expect(text.replace(/ +/g, ' ')).toContain('第 1 页 共');
  });

  it('explains how to get the fonts when they are missing', async () => {
    const missing = { regular: join(tmpdir(), 'no-such-font-Regular.ttc'), bold: CJK_FONT_BOLD };
    const attempt = renderReportPdf(reportFixture, FP, missing);
    await expect(attempt).rejects.toBeInstanceOf(PdfFontsMissingError);
    await expect(attempt).rejects.toThrow(/no-such-font-Regular\.ttc.*apt-get install fonts-noto-cjk/);
  });
});
