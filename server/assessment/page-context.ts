// What every page group of the self-assessment shares: the service, the catalogue
// store, the renderer, the guards, and the draft of the caller (organisation or guest).
import type { Request, RequestHandler, Response } from 'express';
import type { Catalogue } from '../catalogue/catalogue';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import { requireAuth } from '../http/access';
import type { NewDraftOwner } from './guest-start';
import { ownerFor, requireOwner } from './owner';
import { pageRenderer, type RenderPage } from '../http/page-render';
import type { Views } from '../http/views';
import type { AssessmentDetail, AssessmentService } from './service';

export interface AssessmentPageContext {
  readonly service: AssessmentService;
  readonly store: CatalogueStore;
  readonly render: RenderPage;
  readonly company: RequestHandler;
  /** A company member or a guest with a guest session. */
  readonly owner: RequestHandler;
  /** Whose a new draft is: the member's organisation, or a (new) guest session. */
  readonly draftOwner: NewDraftOwner;
  readonly catalogueOf: (versionId: number) => Promise<Catalogue>;
  readonly draftOf: (req: Request, res: Response) => Promise<AssessmentDetail | undefined>;
}

export function assessmentPageContext(
  service: AssessmentService,
  store: CatalogueStore,
  views: Views,
  draftOwner: NewDraftOwner,
): AssessmentPageContext {
  const render: RenderPage = pageRenderer(views);
  const company = requireAuth('company');
  const catalogueOf = async (versionId: number): Promise<Catalogue> =>
    (await store.version(versionId)) ?? store.current();

  /** The draft of the caller's organisation; a submitted one answers with its report instead. */
  const draftOf = async (req: Request, res: Response): Promise<AssessmentDetail | undefined> => {
    const assessment = await service.get(ownerFor(res), String(req.params.id));
    if (assessment.status === 'submitted') {
      res.redirect(303, `/assess/${assessment.id}/report`);
      return undefined;
    }
    return assessment;
  };
  return { service, store, render, company, owner: requireOwner, draftOwner, catalogueOf, draftOf };
}
