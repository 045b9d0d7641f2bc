import { sql, type Kysely } from 'kysely';

// Live check-in answers say 符合 / 不符合 / 不确定 instead of 是 / 否 (issue 18):
// some self-check questions are phrased so that 是 means a violation ("是否有人
// 擅自停用消防设施？"), which made the old "是 = 合规" legend wrong for them.
// Stored answers keep the meaning the results page gave them when they were
// counted: 是 was shown as 合规, 否 as 不合规.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table checkin_answers drop constraint checkin_answers_answer_check`.execute(db);
  await sql`update checkin_answers set answer = case answer when 'yes' then 'compliant' when 'no' then 'non_compliant' else answer end`.execute(
    db,
  );
  await sql`alter table checkin_answers add constraint checkin_answers_answer_check check (answer in ('compliant', 'non_compliant', 'unsure'))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table checkin_answers drop constraint checkin_answers_answer_check`.execute(db);
  await sql`update checkin_answers set answer = case answer when 'compliant' then 'yes' when 'non_compliant' then 'no' else answer end`.execute(
    db,
  );
  await sql`alter table checkin_answers add constraint checkin_answers_answer_check check (answer in ('yes', 'no', 'unsure'))`.execute(
    db,
  );
}
