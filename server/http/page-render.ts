// Rendering for the per-user page areas (accounts, assessment): their own
// stylesheet and script, and the account links in the header. Catalogue pages
// do not use this: they are cached for everyone.
import type { Response } from 'express';
import type { Views } from './views';

export const AREA_STYLES: readonly string[] = ['/assets/assess.css'];
export const AREA_SCRIPTS: readonly string[] = ['/assets/assess.js'];

export type RenderPage = (res: Response, name: string, data: Record<string, unknown>) => void;

export function pageRenderer(views: Views): RenderPage {
  return (res, name, data) => {
    views.render(res, name, { accountNav: true, styles: AREA_STYLES, scripts: AREA_SCRIPTS, ...data });
  };
}
