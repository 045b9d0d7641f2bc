// Server-side HTML form handling shared by the page areas: reading urlencoded
// fields, collecting errors for the GOV.UK error summary, safe redirects.
import type { Request, Response } from 'express';
import { translate, type Lang, type MessageKey, type MessageParams } from '../i18n';

export type FormBody = Readonly<Record<string, unknown>>;

export function bodyOf(req: Request): FormBody {
  const body = req.body as unknown;
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as FormBody) : {};
}

/** One text field: the first value when the field was repeated, '' when absent. */
export function field(body: FormBody, name: string): string {
  const value = body[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

export function langOf(res: Response): Lang {
  return res.locals.lang === 'en' ? 'en' : 'zh-CN';
}

export interface ErrorLink {
  readonly href: string;
  readonly text: string;
}

export interface FormErrorsView {
  /** Whether to show the error summary at all. */
  readonly show: boolean;
  /** A problem of the whole form (rate limit, expired page), shown above the links. */
  readonly problem?: string;
  /** For the error summary, in page order. */
  readonly summary: readonly ErrorLink[];
  /** Message per field name, shown at the field. */
  readonly fields: Readonly<Record<string, string>>;
}

/** Errors of one form submission: each names the field and the element id the summary links to. */
export class FormErrors {
  private readonly entries: Array<{ name: string; id: string; text: string }> = [];
  private problemText: string | undefined;

  /** Keeps the first message per field: one problem at a time is easier to fix. */
  add(name: string, id: string, text: string): void {
    if (!this.entries.some((e) => e.name === name)) this.entries.push({ name, id, text });
  }

  /** A problem that belongs to no single field. */
  setProblem(text: string): void {
    this.problemText = text;
  }

  has(name: string): boolean {
    return this.entries.some((e) => e.name === name);
  }

  get any(): boolean {
    return this.entries.length > 0 || this.problemText !== undefined;
  }

  view(): FormErrorsView {
    return {
      show: this.any,
      ...(this.problemText === undefined ? {} : { problem: this.problemText }),
      summary: this.entries.map((e) => ({ href: e.id.startsWith('/') ? e.id : `#${e.id}`, text: e.text })),
      fields: Object.fromEntries(this.entries.map((e) => [e.name, e.text])),
    };
  }
}

/** The page title, prefixed with 错误： when the form has errors (GOV.UK). */
export function pageTitle(res: Response, key: MessageKey, errors?: FormErrors, params: MessageParams = {}): string {
  const lang = langOf(res);
  const title = translate(lang, key, params);
  return errors?.any ? translate(lang, 'form.titleError', { title }) : title;
}

/** Only a path on this site: "/x" but not "//host" or "/\host", which browsers treat as another origin. */
export function safeNext(next: unknown, fallback: string): string {
  if (typeof next !== 'string' || next.length > 2000) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters in a redirect target are what is refused
  if (/[\u0000-\u001f\\]/.test(next)) return fallback;
  return next;
}
