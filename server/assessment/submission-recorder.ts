// What the assessment side tells the statistics when a report is submitted or its
// sharing changes. The regulator area implements it; server/app.ts hands it to
// the AssessmentService, so neither area reaches into the other.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Catalogue } from '../catalogue/catalogue';
import type { Report } from '../domain/report';

export interface SubmissionRecorder {
  /** Inside the submit transaction: the statistics count the report with it or not at all. */
  submitted(
    tx: Transaction<Database>,
    assessmentId: string,
    orgId: string,
    catalogue: Catalogue,
    report: Report,
  ): Promise<void>;
  /** Inside the share/unshare transaction. */
  sharingChanged(tx: Transaction<Database>, assessmentId: string, shared: boolean): Promise<void>;
}
