// /admin/search-misses: the searches that found nothing, most frequent first, for
// system admins (role admin) who maintain the keywords and synonyms.
import { Router } from 'express';
import { requireAuth } from '../../http/access';
import { badRequest } from '../../http/errors';
import { translate } from '../../i18n';
import { pageRenderer } from '../../http/page-render';
import type { Views } from '../../http/views';
import type { SearchMissLog } from './miss-log';

const PAGE_SIZE = 100;

export function searchMissPages(misses: SearchMissLog, views: Views): Router {
  const router = Router();
  const render = pageRenderer(views);
  router.get('/admin/search-misses', requireAuth('admin'), async (req, res) => {
    const raw = typeof req.query.page === 'string' ? req.query.page : '1';
    const page = Number(raw);
    if (!Number.isInteger(page) || page < 1 || page > 10000) throw badRequest('search.badPage');
    await misses.flush(); // show what was searched up to now, not up to the last timed write
    const { total, misses: rows } = await misses.top(PAGE_SIZE, (page - 1) * PAGE_SIZE);
    render(res, 'catalogue/search-misses', {
      title: translate(res.locals.lang === 'en' ? 'en' : 'zh-CN', 'search.misses.title'),
      total,
      rows: rows.map((r) => ({ ...r, href: `/search?${new URLSearchParams({ q: r.query }).toString()}` })),
      prev: page > 1 ? `/admin/search-misses?page=${page - 1}` : undefined,
      next: page * PAGE_SIZE < total ? `/admin/search-misses?page=${page + 1}` : undefined,
    });
  });
  return router;
}
