/**
 * Writes a province's bundle into a fresh edge database, with the province's ids, so that attempts, variants and
 * people mean the same on both sides. Only what the site needs is there: the rows the bundle's foreign keys point to
 * beyond it (banks, questions, campaigns) stay on the province, so the import runs with foreign keys off.
 */
import { sql } from 'kysely';
import { EDGE_BUNDLE_FORMAT, NO_KEY, type EdgeBundle } from '../../domain/edge/bundle.ts';
import type { Db } from '../db/database.ts';

/** Every change to an attempt's start or close, and every answer written, queues the attempt for the uplink. */
const OUTBOX_TRIGGERS = [
  `create trigger if not exists edge_outbox_attempt_insert after insert on attempts
     begin insert into edge_outbox (attempt_id) values (new.id); end`,
  `create trigger if not exists edge_outbox_attempt_close after update of status, deadline_at on attempts
     begin insert into edge_outbox (attempt_id) values (new.id); end`,
  `create trigger if not exists edge_outbox_answer_insert after insert on attempt_answers
     begin insert into edge_outbox (attempt_id) values (new.attempt_id); end`,
  `create trigger if not exists edge_outbox_answer_update after update on attempt_answers
     begin insert into edge_outbox (attempt_id) values (new.attempt_id); end`,
];

export class BundleError extends Error {}

export async function isPrepared(db: Db): Promise<boolean> {
  return (await db.selectFrom('edge_identity').select('edge_id').executeTakeFirst()) !== undefined;
}

export async function importBundle(db: Db, bundle: EdgeBundle, upstream: string): Promise<void> {
  if (bundle.format !== EDGE_BUNDLE_FORMAT) throw new BundleError(`Gói chuẩn bị không đúng định dạng (${String(bundle.format)}).`);
  if (await isPrepared(db)) throw new BundleError('Thư mục dữ liệu này đã là một máy điểm cầu; hãy dùng một thư mục trống.');
  const users = await db.selectFrom('users').select('id').limit(1).execute();
  if (users.length > 0) throw new BundleError('Thư mục dữ liệu đã có dữ liệu của một máy chủ khác; máy điểm cầu cần một thư mục trống.');
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      const insert = async (table: string, rows: Record<string, unknown>[]) => {
        for (let i = 0; i < rows.length; i += 200)
          await trx
            .insertInto(table as never)
            .values(rows.slice(i, i + 200) as never)
            .execute();
      };
      await insert('units', bundle.units);
      await insert('people', bundle.people);
      await insert(
        'users',
        bundle.users.map((u) => ({ ...u, must_change_password: 0, initial_password_issued_at: null, last_login_at: null, disabled: 0 })),
      );
      await insert('question_banks', bundle.banks);
      await insert('assessments', bundle.assessments);
      await insert(
        'question_versions',
        bundle.questionVersions.map((v) => ({ ...v, correct_index: NO_KEY, locked: 1, created_by: null })),
      );
      await insert(
        'assessment_questions',
        bundle.assessmentQuestions.map((q) => ({ ...q, correct_index: NO_KEY })),
      );
      await insert('assessment_variants', bundle.variants);
      await insert('assessment_invitees', bundle.leases);
      await insert('assessment_extra_time', bundle.extraTime);
      await insert(
        'question_images',
        bundle.images.map((img) => ({ ...img, data: Buffer.from(img.data, 'base64') })),
      );
      await trx
        .insertInto('edge_identity')
        .values({
          edge_id: bundle.edge.id,
          site_id: bundle.edge.siteId,
          site_name: bundle.edge.siteName,
          upstream,
          token: bundle.edge.token,
          prepared_at: bundle.preparedAt,
        })
        .execute();
      for (const trigger of OUTBOX_TRIGGERS) await sql.raw(trigger).execute(trx);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
