// HTML pages of the company self-assessment, GOV.UK style: start page, profile,
// task list, one page per domain, check answers, submit, report. Every step is
// a plain form (Post/Redirect/Get); assess.js only adds autosave on top. Each
// page group has its own file; this one mounts them in route order (the fixed
// paths /assess/new and /assess/questions before /assess/:id).
import { Router } from 'express';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import type { Views } from '../http/views';
import type { NewDraftOwner } from './guest-start';
import { checkPages } from './check-pages';
import { domainPages } from './domain-pages';
import { itemPages } from './item-pages';
import { assessmentPageContext } from './page-context';
import { reportPages } from './report-pages';
import type { AssessmentService } from './service';
import { startPages } from './start-pages';
import { taskListPages } from './task-list-pages';
import { verifyPages } from './verify-pages';

export function assessmentPages(
  service: AssessmentService,
  store: CatalogueStore,
  views: Views,
  draftOwner: NewDraftOwner,
): Router {
  const ctx = assessmentPageContext(service, store, views, draftOwner);
  const router = Router();
  router.use(startPages(ctx), taskListPages(ctx), domainPages(ctx), itemPages(ctx), checkPages(ctx), reportPages(ctx));
  router.use(verifyPages(service, ctx.render));
  return router;
}
