// The form partials (views/partials/, after GOV.UK Frontend's components) rendered with their examples,
// as govuk-frontend's template tests do: the ids, the aria-describedby links, the error state, the
// checked state and the fieldset/legend that assistive technology relies on. Then every example on one
// page in Chromium, checked by axe-core.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { loadViews } from '../../server/http/views';

const views = loadViews(join(__dirname, '..', '..', 'views'));
const render = (source: string, data: Record<string, unknown> = {}): string => views.renderFragment(source, data);
/** The opening tag of the element with this id. */
const tagOf = (html: string, id: string): string => new RegExp(`<[^>]*\\sid="${id}"[^>]*>`).exec(html)?.[0] ?? '';

const YES_NO = '(array (object value="yes" labelKey="form.yes") (object value="no" labelKey="form.no"))';

/** One rendering of each partial's examples, each with ids of its own so that they can share a page. */
const examples: Record<string, string> = {
  radios: render(
    `{{> radios name="size" legend="企业规模" legendClasses="field-label" hint="按上年度营业收入。" error="请选择企业规模"
        classes="radios-inline" value="small"
        items=(array (object value="large" label="大型") (object value="small" label="小型") (object value="micro" label="微型" hint="含个体工商户"))}}`,
  ),
  radiosBlock: render(
    `{{#> radios name="q-staff" legendClasses="question-legend" items=${YES_NO} value=answer~}}
       <span class="question-number">1.</span> {{question}}
     {{~/radios}}`,
    { question: '是否招用员工？', answer: 'no' },
  ),
  radiosAnswer: render(
    `{{#> radios name="status.XF-001" idPrefix="XF-001" formGroup=false legendClasses="item-legend" hint="未配置灭火器"
        classes="radios-answer" items=statuses~}}<span class="item-code">XF-001</span> 是否按规定配置灭火器？{{~/radios}}`,
    {
      statuses: [
        { id: 'XF-001-compliant', value: 'compliant', label: '符合', checked: true },
        { id: 'XF-001-non_compliant', value: 'non_compliant', label: '不符合' },
        { divider: '或' },
        { id: 'XF-001-unsure', value: 'unsure', label: '不确定' },
      ],
    },
  ),
  checkboxes: render(
    `{{> checkboxes name="formats" legend="需要哪些格式？" hint="可多选。" error="请至少选择一种格式" values=(array "pdf" "xlsx")
        items=(array (object value="pdf" label="PDF") (object value="docx" label="Word (DOCX)") (object value="xlsx" label="Excel (XLSX)" hint="含全部回答"))}}`,
  ),
  checkboxSingle: render(
    `{{> checkboxes name="agree" hint="注册即表示同意。" items=(array (object value="yes" label="我已阅读并同意用户协议"))}}`,
  ),
  textarea: render(
    `{{> textarea id="XF-001-note" name="note.XF-001" label="备注" labelClasses="field-label field-label-small" optional=true
        hint="写下发现的问题。" error="备注不能超过 2000 字" value=note rows=2 maxlength=2000}}`,
    { note: '二号车间<灭火器>压力不足' },
  ),
  textareaPlain: render(
    `{{> textarea name="report" label="报告 JSON" rows=6 spellcheck=false classes="textarea mono"}}`,
  ),
  dateInput: render(
    `{{> date-input id="expiry" namePrefix="expiry" legend="许可证有效期至" hint="例如：2027 3 31"
        values=(object year="2027" month="3" day="") error="请填写日" errorFields=(array "day")}}`,
  ),
  dateInputPlain: render(`{{> date-input id="founded" legend="成立日期" autocomplete="bday"}}`),
  summaryList: render(
    `{{> summary-list classes="summary-list-plain" rows=(array (object key="单位名称" value="某某机械有限公司")
        (object key="统一社会信用代码" value="91320582MA1XXXXX0Q" valueClasses="mono"))}}`,
  ),
  summaryListActions: render(
    `{{#> summary-list}}{{#each rows}}
      {{#> summary-list-row id=(concat "row-" code) classes=(choose answered "" "summary-row-missing")
          actions=(choose answered (array (object href=(concat "#item-" code) text="修改" visuallyHiddenText=(concat code " 的回答"))))}}
        {{#*inline "summary-key"}}<span class="item-code">{{code}}</span> {{question}}{{/inline}}
        {{#*inline "summary-value"}}{{#if answered}}<span class="answer-tag">符合</span>{{else}}<strong>未作答</strong>{{/if}}{{/inline}}
      {{/summary-list-row}}
    {{/each}}{{/summary-list}}`,
    {
      rows: [
        { code: 'XF-001', question: '是否配置灭火器？', answered: true },
        { code: 'XF-002', question: '疏散通道是否畅通？', answered: false },
      ],
    },
  ),
  taskList: render(
    `{{> task-list idPrefix="tasks" items=(array
        (object id="org" title="企业信息" href="#org" hint="某某机械有限公司" status="completed" statusText="已完成")
        (object title="消防安全" href="#xf" status="inProgress" statusText="进行中")
        (object title="检查并提交" status="cannotStart" statusText="暂不能开始"))}}`,
  ),
  taskListBlock: render(
    `{{#> task-list}}{{#each tasks}}
      {{#> task-list-item id=code href=url hint=hint status=status statusText=statusLabel}}
        {{#*inline "task-title"}}<span class="item-code">{{code}}</span> {{name}}{{/inline}}
      {{/task-list-item}}
    {{/each}}{{/task-list}}`,
    {
      tasks: [
        {
          code: 'XF',
          name: '消防安全',
          url: '#XF',
          hint: '2 项中已答 0 项',
          status: 'notStarted',
          statusLabel: '未开始',
        },
      ],
    },
  ),
  errorSummary: render(`{{> error-summary}}`, {
    formErrors: {
      show: true,
      problem: '保存失败：请先登录。',
      summary: [
        { href: '#size-large', text: '请选择企业规模' },
        { href: '#XF-001-note', text: '备注不能超过 2000 字' },
      ],
    },
  }),
  banner: render(`{{> notification-banner type="success" titleId="saved-title" text="已保存。"}}`),
  bannerBlock: render(
    `{{#> notification-banner titleId="version-title"}}<p class="notification-banner-heading">本次自评使用 v{{version}} 清单。</p><p>可以迁移到最新版。</p>{{/notification-banner}}`,
    { version: 3 },
  ),
  pagination: render(`{{> pagination prev=pages.prev next=pages.next label="本单位的自评"}}`, {
    pages: { prev: '/assess?before=b', next: '/assess?after=a' },
  }),
  paginationFirst: render(`{{> pagination next=pages.next label="我的专题课件"}}`, {
    pages: { next: '/present?after=a' },
  }),
};

describe('pagination', () => {
  it('is a named nav with 上一页/下一页 links, only those that exist, and nothing without either', () => {
    expect(examples.pagination).toMatch(/<nav class="pagination" aria-label="本单位的自评">/);
    expect(examples.pagination).toMatch(/href="\/assess\?before&#x3D;b" rel="prev">.*上一页<\/a>/);
    expect(examples.pagination).toMatch(/href="\/assess\?after&#x3D;a" rel="next">下一页/);
    expect(examples.paginationFirst).not.toContain('上一页');
    expect(render(`{{> pagination}}`).trim()).toBe('');
  });
});

describe('radios', () => {
  it('puts the question in a legend and names the hint and the error from the fieldset', () => {
    const html = examples.radios;
    expect(html).toMatch(
      /^<div class="field field-has-error">\s*<fieldset class="fieldset" aria-describedby="size-hint size-error">\s*<legend class="field-label">企业规模<\/legend>/,
    );
    expect(html).toContain('<p class="hint" id="size-hint">按上年度营业收入。</p>');
    expect(html).toMatch(
      /<p class="field-error" id="size-error"><span class="visually-hidden">错误：<\/span>请选择企业规模<\/p>/,
    );
    expect(html).toContain('<div class="radios radios-inline">');
  });

  it('gives each radio an id from its value, a label for it, and checks the chosen value', () => {
    const html = examples.radios;
    expect(html).toContain(
      '<input type="radio" id="size-large" name="size" value="large"><label for="size-large">大型</label>',
    );
    expect(tagOf(html, 'size-small')).toMatch(/ checked>$/);
    expect(html.match(/ checked/g)).toHaveLength(1);
    expect(tagOf(html, 'size-micro')).toContain('aria-describedby="size-micro-item-hint"');
    expect(html).toContain('<p class="hint radio-hint" id="size-micro-item-hint">含个体工商户</p>');
  });

  it('takes the legend as a block, translates labelKey and has no aria-describedby without hint or error', () => {
    const html = examples.radiosBlock;
    expect(html).toMatch(
      /<fieldset class="fieldset">\s*<legend class="question-legend"><span class="question-number">1\.<\/span> 是否招用员工？<\/legend>/,
    );
    expect(html).toContain('<label for="q-staff-yes">是</label>');
    expect(tagOf(html, 'q-staff-no')).toMatch(/value="no" checked>$/);
    expect(html).not.toContain('field-has-error');
  });

  it('uses the ids the items bring, a divider, an idPrefix for the hint, and no form group when asked', () => {
    const html = examples.radiosAnswer;
    expect(html).toMatch(/^\s*<fieldset class="fieldset" aria-describedby="XF-001-hint">/);
    expect(html).toContain('id="XF-001-hint"');
    expect(tagOf(html, 'XF-001-compliant')).toContain('name="status.XF-001" value="compliant" checked');
    expect(html).toContain('<div class="radios-divider">或</div>');
    expect(html).toContain('<div class="radio radio-unsure"><input type="radio" id="XF-001-unsure"');
  });

  it('escapes what it is given', () => {
    const html = render('{{> radios name="x" legend=q items=(array (object value="a" label=q))}}', { q: '<b>"x"</b>' });
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;b&gt;&quot;x&quot;&lt;/b&gt;');
  });
});

describe('checkboxes', () => {
  it('groups the boxes in a fieldset described by hint and error, and ticks every listed value', () => {
    const html = examples.checkboxes;
    expect(html).toMatch(
      /<fieldset class="fieldset" aria-describedby="formats-hint formats-error">\s*<legend class="fieldset-legend">需要哪些格式？<\/legend>/,
    );
    expect(html).toContain('id="formats-error"');
    expect(tagOf(html, 'formats-pdf')).toMatch(/type="checkbox" id="formats-pdf" name="formats" value="pdf" checked>/);
    expect(tagOf(html, 'formats-docx')).not.toContain('checked');
    expect(tagOf(html, 'formats-xlsx')).toContain('checked aria-describedby="formats-xlsx-item-hint"');
  });

  it('without a legend has no fieldset, and the box itself names the hint', () => {
    const html = examples.checkboxSingle;
    expect(html).not.toContain('<fieldset');
    expect(tagOf(html, 'agree-yes')).toContain('aria-describedby="agree-hint"');
  });
});

describe('textarea', () => {
  it('labels the box, names hint and error in aria-describedby and marks it invalid', () => {
    const html = examples.textarea;
    expect(html).toMatch(/^<div class="field field-has-error">/);
    expect(html).toContain(
      '<label class="field-label field-label-small" for="XF-001-note">备注 <span class="optional">（选填）</span></label>',
    );
    expect(html).toContain(
      '<textarea class="textarea" id="XF-001-note" name="note.XF-001" rows="2" maxlength="2000" aria-describedby="XF-001-note-hint XF-001-note-error" aria-invalid="true">二号车间&lt;灭火器&gt;压力不足</textarea>',
    );
  });

  it('takes its id from the name and passes spellcheck and classes', () => {
    expect(examples.textareaPlain).toContain(
      '<textarea class="textarea mono" id="report" name="report" rows="6" spellcheck="false">',
    );
  });
});

describe('date input', () => {
  it('is a group in 年 月 日 order, described by hint and error, with only the wrong box invalid', () => {
    const html = examples.dateInput;
    expect(html).toMatch(
      /<fieldset class="fieldset" role="group" aria-describedby="expiry-hint expiry-error">\s*<legend class="fieldset-legend">许可证有效期至<\/legend>/,
    );
    const ids = [...html.matchAll(/<input[^>]*\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['expiry-year', 'expiry-month', 'expiry-day']);
    expect(tagOf(html, 'expiry-year')).toContain('name="expiry-year" type="text" inputmode="numeric" value="2027"');
    expect(tagOf(html, 'expiry-year')).not.toContain('aria-invalid');
    expect(tagOf(html, 'expiry-day')).toContain('aria-invalid="true"');
    expect(html).toContain('<label class="field-label date-input-label" for="expiry-day">日</label>');
  });

  it('without namePrefix names the boxes year, month, day, marks all invalid on an error, and passes autocomplete', () => {
    const html = examples.dateInputPlain;
    expect(tagOf(html, 'founded-month')).toContain('name="month"');
    expect(tagOf(html, 'founded-day')).toContain('autocomplete="bday-day"');
    const all = render('{{> date-input id="d" legend="日期" error="请填写日期"}}');
    expect(all.match(/aria-invalid="true"/g)).toHaveLength(3);
  });

  it('labels the boxes in English on English pages', () => {
    const html = render('{{> date-input id="d" legend="Date"}}', { lang: 'en' });
    expect(html).toContain('for="d-year">Year</label>');
  });
});

describe('summary list', () => {
  it('renders rows given as data, with value classes and no change links', () => {
    const html = examples.summaryList;
    expect(html).toMatch(/^<dl class="summary-list summary-list-plain">/);
    expect(html).toMatch(/<dt class="summary-key">单位名称<\/dt>\s*<dd class="summary-value">某某机械有限公司<\/dd>/);
    expect(html).toContain('<dd class="summary-value mono">91320582MA1XXXXX0Q</dd>');
    expect(html).not.toContain('summary-actions');
  });

  it('renders rows of the block with HTML keys and values, ids, classes and change links with hidden text', () => {
    const html = examples.summaryListActions;
    expect(html).toContain('<div class="summary-row" id="row-XF-001">');
    expect(html).toContain('<div class="summary-row summary-row-missing" id="row-XF-002">');
    expect(html).toContain('<dt class="summary-key"><span class="item-code">XF-001</span> 是否配置灭火器？</dt>');
    expect(html).toContain(
      '<dd class="summary-actions"><a href="#item-XF-001">修改<span class="visually-hidden"> XF-001 的回答</span></a></dd>',
    );
    // The unanswered row has no change link, and its value is its own (the inline partials stay per row).
    expect(html.match(/summary-actions/g)).toHaveLength(1);
    expect(html).toMatch(/id="row-XF-002">[\s\S]*?<strong>未作答<\/strong>/);
  });
});

describe('task list', () => {
  it('links each task to its hint and status, numbers the ids without an id, and has no link for a task that cannot start', () => {
    const html = examples.taskList;
    expect(html).toContain('<a class="task-link" href="#org" aria-describedby="hint-org status-org">企业信息</a>');
    expect(html).toContain('<div class="task-hint" id="hint-org">某某机械有限公司</div>');
    expect(html).toContain('id="status-org"><strong class="task-tag task-tag-completed">已完成</strong>');
    expect(html).toContain('<a class="task-link" href="#xf" aria-describedby="status-tasks-2">消防安全</a>');
    expect(html).toContain('<li class="task-item">');
    expect(html).toContain('<div class="task-title">检查并提交</div>');
    expect(html).toContain('id="status-tasks-3"><strong class="task-tag task-tag-cannotStart">暂不能开始</strong>');
  });

  it('renders the block items with an HTML title', () => {
    expect(examples.taskListBlock).toContain(
      '<a class="task-link" href="#XF" aria-describedby="hint-XF status-XF"><span class="item-code">XF</span> 消防安全</a>',
    );
  });
});

describe('error summary', () => {
  it('shows the form errors as links to the fields, takes focus and announces itself', () => {
    const html = examples.errorSummary;
    expect(html).toMatch(
      /^<div class="error-summary" tabindex="-1" data-focus data-error-summary>\s*<div role="alert" aria-labelledby="error-summary-title">/,
    );
    expect(html).toContain(
      '<h2 id="error-summary-title">有以下问题需要处理 <span class="en" lang="en">There is a problem</span></h2>',
    );
    expect(html).toContain('<p class="error-summary-problem">保存失败：请先登录。</p>');
    expect([...html.matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['#size-large', '请选择企业规模'],
      ['#XF-001-note', '备注不能超过 2000 字'],
    ]);
  });

  it('shows nothing without errors, and takes its list and title as parameters', () => {
    expect(render('{{> error-summary}}', { formErrors: { show: false, summary: [] } }).trim()).toBe('');
    const html = render(
      '{{> error-summary titleText="请求有误" disableAutoFocus=true errorList=(array (object href="#search-q" text=e))}}',
      {
        e: '搜索词太长',
      },
    );
    expect(html).toContain('<h2 id="error-summary-title">请求有误</h2>');
    expect(html).toContain('<li><a href="#search-q">搜索词太长</a></li>');
    expect(html).not.toContain('data-focus');
  });
});

describe('notification banner', () => {
  it('a success banner is an alert named by its title', () => {
    const html = examples.banner;
    expect(html).toMatch(
      /^<div class="notification-banner notification-banner-success" role="alert" aria-labelledby="saved-title">/,
    );
    expect(html).toContain('<h2 class="notification-banner-title" id="saved-title">操作成功</h2>');
    expect(html).toContain('<p class="notification-banner-heading">已保存。</p>');
  });

  it('an important banner is a region landmark, takes HTML as its block and a role override', () => {
    const html = examples.bannerBlock;
    expect(html).toMatch(/^<div class="notification-banner" role="region" aria-labelledby="version-title">/);
    expect(html).toContain(
      '<p class="notification-banner-heading">本次自评使用 v3 清单。</p><p>可以迁移到最新版。</p>',
    );
    expect(render('{{> notification-banner type="success" role="status" text="x"}}')).toContain('role="status"');
    expect(render('{{> notification-banner text="x"}}', { lang: 'en' })).toContain('>Important</h2>');
  });
});

describe('layout blocks', () => {
  it('a page puts its stylesheets and scripts in the layout head, in order, once each', () => {
    const html = views.renderToString('assessment/verify', { values: {}, formErrors: { fields: {} } });
    const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? '';
    expect(head).toMatch(/app\.css[\s\S]*assess\.css/);
    expect(head.match(/\/assets\/assess\.css/g)).toHaveLength(1);
    expect(head).toContain('<script src="/assets/assess.js" defer></script>');
    expect(/<body>([\s\S]*)<\/body>/.exec(html)?.[1]).not.toContain('assess.css');
  });

  it('a page shared by two areas can choose by its data (the report read by a regulator)', () => {
    const source =
      '{{#content "head"}}<link rel="stylesheet" href="/a.css">{{#if more}}<link rel="stylesheet" href="/b.css">{{/if}}{{/content}}x';
    expect(render(source, { more: true })).toBe('x');
    const catalogue = views.renderToString('catalogue/search', { q: '', results: [] });
    expect(catalogue).not.toContain('assess.css');
  });
});

describe('every example in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 30000);
  afterAll(async () => {
    await browser.close();
  });

  it('axe-core finds no serious or critical violation', async () => {
    const page = await browser.newPage();
    try {
      const body = Object.entries(examples)
        .map(([name, html]) => `<section aria-label="${name}"><form action="#">${html}</form></section>`)
        .join('\n');
      await page.setContent(
        `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>表单组件示例</title></head><body><main><h1>表单组件示例</h1>${body}</main></body></html>`,
      );
      const assets = join(__dirname, '..', '..', 'views', 'assets');
      await page.addStyleTag({ path: join(assets, 'app.css') });
      await page.addStyleTag({ path: join(assets, 'assess.css') });
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
        const result = await axe.run();
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.html) }));
      });
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious).toEqual([]);
      // The page really holds the examples (a blank page would pass too).
      expect(await page.locator('input[type="radio"]').count()).toBe(8);
      expect(await page.locator('fieldset legend').count()).toBeGreaterThan(5);
    } finally {
      await page.close();
    }
  }, 30000);
});

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: Array<{ html: string }>;
}
