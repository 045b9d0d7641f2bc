import type { Request, Response } from 'express';

/**
 * Catalogue content changes only with a new checklist version, so the version
 * hash (plus the interface language for pages) is a strong validator.
 * Returns true when a 304 was sent.
 */
export function notModified(req: Request, res: Response, versionHash: string, variant = ''): boolean {
  res.set('ETag', `"${versionHash.slice(0, 20)}${variant ? `-${variant}` : ''}"`);
  res.set('Cache-Control', 'public, max-age=60, must-revalidate');
  if (req.fresh) {
    res.status(304).end();
    return true;
  }
  return false;
}
