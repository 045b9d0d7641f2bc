// Handlebars views, compiled once at start. Every page goes through the
// layout; every interface string goes through the t / tt helpers.
import { formatDate } from '../lib/dates';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Handlebars from 'handlebars';
import type { HelperOptions } from 'handlebars';
import type { Response } from 'express';
import { queryTerms } from '../lib/query-terms';
import { translateAny, type Lang } from '../i18n';

export interface Views {
  render(res: Response, name: string, data?: Record<string, unknown>): void;
  renderToString(name: string, data: Record<string, unknown>): string;
  /** Renders a template given as text (no layout) with the same helpers and partials: for the partials' tests. */
  renderFragment(source: string, data: Record<string, unknown>): string;
}

/** What a page puts in its layout's blocks while it renders ({{#content "head"}}…{{/content}}). */
type Blocks = Map<string, string>;

function blocksOf(options: HelperOptions): Blocks {
  const blocks = (options.data as { blocks?: Blocks } | undefined)?.blocks;
  if (!blocks) throw new Error('views: {{#content}} and {{block}} work only in a page rendered through loadViews');
  return blocks;
}

function listTemplates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'assets' ? [] : listTemplates(path);
    return e.name.endsWith('.hbs') ? [path] : [];
  });
}

function rootLang(options: HelperOptions): Lang {
  const root = (options.data as { root?: { lang?: Lang } } | undefined)?.root;
  return root?.lang === 'en' ? 'en' : 'zh-CN';
}

function params(options: HelperOptions): Record<string, string | number> {
  return options.hash as Record<string, string | number>;
}

const esc = (s: string): string => Handlebars.escapeExpression(s);

function registerHelpers(hb: typeof Handlebars): void {
  // Keys come from the templates as strings; tests/unit/template-keys.test.ts checks each one exists.
  hb.registerHelper('t', (key: string, options: HelperOptions) =>
    translateAny(rootLang(options), key, params(options)),
  );
  // Chinese first with the English beside it (only English when the interface is English).
  hb.registerHelper('tt', (key: string, options: HelperOptions) => {
    const lang = rootLang(options);
    const en = translateAny('en', key, params(options));
    if (lang === 'en') return new hb.SafeString(esc(en));
    return new hb.SafeString(
      `${esc(translateAny('zh-CN', key, params(options)))} <span class="en" lang="en">${esc(en)}</span>`,
    );
  });
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('gt', (a: number, b: number) => a > b);
  hb.registerHelper('inc', (n: number) => n + 1);
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).map(String).join(''));
  hb.registerHelper('lower', (s: unknown) => String(s).toLowerCase());
  // Wraps every query term found in the text in <mark>, escaping everything else.
  hb.registerHelper('highlight', (text: string | number | undefined, q: string | number | undefined) => {
    const terms = queryTerms(String(q ?? '')).sort((a, b) => b.length - a.length);
    const source = String(text ?? '');
    if (terms.length === 0) return esc(source);
    const lower = source.toLowerCase();
    let out = '';
    let i = 0;
    while (i < source.length) {
      const term = terms.find((t) => lower.startsWith(t, i));
      if (term) {
        out += `<mark>${esc(source.slice(i, i + term.length))}</mark>`;
        i += term.length;
      } else {
        out += esc(source[i]);
        i += 1;
      }
    }
    return new hb.SafeString(out);
  });
  hb.registerHelper('date', (d: Date | string) => formatDate(d, 'zh-CN'));
  hb.registerHelper('short', (s: unknown) => String(s).slice(0, 12));

  // ── Generic helpers for building a partial's parameters in a template ──
  // (array a b c) → [a, b, c]; (object key=value …) → { key: value, … }: lists of items and rows
  // written in the template itself, e.g. {{> radios items=(array (object value="yes" label=(t "form.yes")))}}.
  hb.registerHelper('array', (...args: unknown[]) => args.slice(0, -1));
  hb.registerHelper('object', (options: HelperOptions) => ({ ...(options.hash as Record<string, unknown>) }));
  // (default a b …) → the first argument that is set (not undefined, null, '' or false).
  hb.registerHelper('default', (...args: unknown[]) =>
    args.slice(0, -1).find((a) => a !== undefined && a !== null && a !== '' && a !== false),
  );
  hb.registerHelper('not', (a: unknown) => !a);
  // (choose condition a b) → a when the condition holds, else b (default ''): a conditional class or list.
  hb.registerHelper('choose', (...args: unknown[]) => {
    const [condition, a, b] = args.slice(0, -1);
    return condition ? a : (b ?? '');
  });
  // (includes list value): for the checked boxes of a checkbox group.
  hb.registerHelper('includes', (list: unknown, value: unknown) => Array.isArray(list) && list.includes(value));
  // {{#let name=value …}}…{{/let}}: the block sees the current context plus these names (values a partial computes once).
  hb.registerHelper('let', function (this: unknown, options: HelperOptions) {
    return options.fn({ ...(this as Record<string, unknown>), ...(options.hash as Record<string, unknown>) });
  });

  // (hasBlock): whether the partial was called with a block ({{#> radios}}…{{/radios}}). Not {{#if @partial-block}}:
  // #if calls a function value, so it would render the block (often to '') instead of testing it.
  hb.registerHelper('hasBlock', (options: HelperOptions) => {
    const data = options.data as Record<string, unknown> | undefined;
    return typeof data?.['partial-block'] === 'function';
  });

  // ── Layout blocks ──
  // A page fills a block of its layout: {{#content "head"}}<link rel="stylesheet" href="…">{{/content}};
  // the layout prints it: {{{block "head"}}}. The page renders before its layout, so a block is complete
  // when the layout reads it; several {{#content}} of one name add up in order.
  hb.registerHelper('content', function (this: unknown, name: string, options: HelperOptions) {
    const blocks = blocksOf(options);
    blocks.set(name, (blocks.get(name) ?? '') + options.fn(this));
    return '';
  });
  hb.registerHelper(
    'block',
    (name: string, options: HelperOptions) => new hb.SafeString(blocksOf(options).get(name) ?? ''),
  );
}

export function loadViews(dir: string): Views {
  const hb = Handlebars.create();
  registerHelpers(hb);
  const pages = new Map<string, Handlebars.TemplateDelegate>();
  for (const path of listTemplates(dir)) {
    const name = relative(dir, path)
      .split(sep)
      .join('/')
      .replace(/\.hbs$/, '');
    const source = readFileSync(path, 'utf8');
    if (name.startsWith('partials/')) hb.registerPartial(name.slice('partials/'.length), source);
    else pages.set(name, hb.compile(source, { strict: false }));
  }
  const layout = pages.get('layouts/main');
  if (!layout) throw new Error(`views: ${dir}/layouts/main.hbs is missing`);

  const renderToString = (name: string, data: Record<string, unknown>): string => {
    const page = pages.get(name);
    if (!page) throw new Error(`views: no template "${name}"`);
    // A page may name another layout (the full-screen slide deck); default: main.
    const chosen = typeof data.layout === 'string' ? (pages.get(`layouts/${data.layout}`) ?? layout) : layout;
    const blocks: Blocks = new Map();
    const body = page(data, { data: { blocks } });
    return chosen({ ...data, body }, { data: { blocks } });
  };
  return {
    renderToString,
    renderFragment: (source, data) => hb.compile(source, { strict: false })(data, { data: { blocks: new Map() } }),
    render(res, name, data = {}) {
      res.type('html').send(renderToString(name, { ...res.locals, ...data }));
    },
  };
}
