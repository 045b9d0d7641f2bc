// Rendering for the per-user page areas (accounts, assessment, regulator): the
// account links in the header. Catalogue pages do not use this: they are cached
// for everyone. Each page names its own stylesheets and scripts ({{#content "head"}}).
import type { Response } from 'express';
import type { Views } from './views';

export type RenderPage = (res: Response, name: string, data: Record<string, unknown>) => void;

export function pageRenderer(views: Views): RenderPage {
  return (res, name, data) => {
    views.render(res, name, { accountNav: true, ...data });
  };
}
