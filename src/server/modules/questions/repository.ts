import crypto from 'node:crypto';
import type { Executor } from '../../db/database.ts';

export async function duplicateKeysOf(db: Executor, bankId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('questions')
    .select('duplicate_key')
    .where('bank_id', '=', bankId)
    .where('deleted_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.duplicate_key));
}

/** Stores an image once per content (by SHA-256) and returns its id. */
export async function storeImage(db: Executor, image: { contentType: string; data: Uint8Array }, at: string): Promise<number> {
  const sha256 = crypto.createHash('sha256').update(image.data).digest('hex');
  const existing = await db.selectFrom('question_images').select('id').where('sha256', '=', sha256).executeTakeFirst();
  if (existing) return existing.id;
  const { id } = await db
    .insertInto('question_images')
    .values({ sha256, content_type: image.contentType, data: Buffer.from(image.data), created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertQuestion(
  db: Executor,
  q: {
    bank_id: number;
    topic_id: number | null;
    difficulty: string | null;
    source: string | null;
    search_folded: string;
    duplicate_key: string;
    created_by: number | null;
    content_json: string;
    correct_index: number;
    at: string;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('questions')
    .values({
      bank_id: q.bank_id,
      topic_id: q.topic_id,
      difficulty: q.difficulty,
      tags: null,
      source: q.source,
      current_version: 1,
      search_folded: q.search_folded,
      duplicate_key: q.duplicate_key,
      deleted_at: null,
      created_by: q.created_by,
      created_at: q.at,
      updated_at: q.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('question_versions')
    .values({
      question_id: id,
      version: 1,
      content_json: q.content_json,
      correct_index: q.correct_index,
      locked: 0,
      created_by: q.created_by,
      created_at: q.at,
    })
    .execute();
  return id;
}

export async function countQuestions(db: Executor, bankId: number): Promise<number> {
  const row = await db
    .selectFrom('questions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('bank_id', '=', bankId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function saveImport(
  db: Executor,
  row: { created_by: number; bank_id: number; file_name: string; payload_json: string; created_at: string },
) {
  const { id } = await db
    .insertInto('question_imports')
    .values({ ...row, status: 'previewed' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export function findImport(db: Executor, id: number) {
  return db.selectFrom('question_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markImported(db: Executor, id: number) {
  await db.updateTable('question_imports').set({ status: 'committed', payload_json: '[]' }).where('id', '=', id).execute();
}

export interface QuestionFilter {
  bankId: number;
  q?: string;
  topicId?: number;
  difficulty?: string;
  tagFolded?: string;
}

function filtered(db: Executor, f: QuestionFilter) {
  let query = db
    .selectFrom('questions')
    .innerJoin('question_versions', (j) =>
      j.onRef('question_versions.question_id', '=', 'questions.id').onRef('question_versions.version', '=', 'questions.current_version'),
    )
    .leftJoin('topics', 'topics.id', 'questions.topic_id')
    .where('questions.bank_id', '=', f.bankId)
    .where('questions.deleted_at', 'is', null);
  // Every word must appear, in any order: "nghi quyet 29" finds "Nghị quyết số 29-NQ/TW".
  for (const word of (f.q ?? '').split(' ').filter(Boolean)) {
    query = query.where('questions.search_folded', 'like', `%${word}%`);
  }
  if (f.topicId !== undefined) query = query.where('questions.topic_id', '=', f.topicId);
  if (f.difficulty) query = query.where('questions.difficulty', '=', f.difficulty);
  if (f.tagFolded) {
    const tag = f.tagFolded;
    query = query.where('questions.id', 'in', (eb) =>
      eb.selectFrom('question_tags').select('question_tags.question_id').where('question_tags.tag_folded', '=', tag),
    );
  }
  return query;
}

export async function listQuestions(db: Executor, f: QuestionFilter, page: { offset: number; limit: number }) {
  const [rows, total] = await Promise.all([
    filtered(db, f)
      .select([
        'questions.id',
        'questions.difficulty',
        'questions.current_version',
        'questions.source',
        'topics.name as topic_name',
        'question_versions.content_json',
        'question_versions.correct_index',
      ])
      .orderBy('questions.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Live questions per topic and difficulty, for the bank page. */
export function countsByTopic(db: Executor, bankId: number) {
  return db
    .selectFrom('questions')
    .select(['topic_id', 'difficulty', (eb) => eb.fn.countAll<number>().as('n')])
    .where('bank_id', '=', bankId)
    .where('deleted_at', 'is', null)
    .groupBy(['topic_id', 'difficulty'])
    .execute();
}

export async function liveQuestionCount(db: Executor, topicId: number): Promise<number> {
  const row = await db
    .selectFrom('questions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('topic_id', '=', topicId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Deleted questions let go of a topic that is being deleted (their versions stay for past results). */
export async function detachDeletedFromTopic(db: Executor, topicId: number) {
  await db.updateTable('questions').set({ topic_id: null }).where('topic_id', '=', topicId).where('deleted_at', 'is not', null).execute();
}

export function findQuestion(db: Executor, id: number) {
  return db
    .selectFrom('questions')
    .innerJoin('question_versions', (j) =>
      j.onRef('question_versions.question_id', '=', 'questions.id').onRef('question_versions.version', '=', 'questions.current_version'),
    )
    .leftJoin('topics', 'topics.id', 'questions.topic_id')
    .select([
      'questions.id',
      'questions.bank_id',
      'questions.topic_id',
      'questions.difficulty',
      'questions.current_version',
      'questions.source',
      'questions.deleted_at',
      'topics.name as topic_name',
      'question_versions.id as version_id',
      'question_versions.content_json',
      'question_versions.correct_index',
      'question_versions.locked',
    ])
    .where('questions.id', '=', id)
    .executeTakeFirst();
}

export function versionsOf(db: Executor, questionId: number) {
  return db
    .selectFrom('question_versions')
    .leftJoin('users', 'users.id', 'question_versions.created_by')
    .select([
      'question_versions.id',
      'question_versions.version',
      'question_versions.created_at',
      'question_versions.locked',
      'users.display_name',
    ])
    .where('question_id', '=', questionId)
    .orderBy('version', 'desc')
    .execute();
}

export async function updateVersionInPlace(db: Executor, versionId: number, contentJson: string, correctIndex: number) {
  await db
    .updateTable('question_versions')
    .set({ content_json: contentJson, correct_index: correctIndex })
    .where('id', '=', versionId)
    .execute();
}

export async function addVersion(
  db: Executor,
  v: { question_id: number; version: number; content_json: string; correct_index: number; created_by: number | null; created_at: string },
) {
  await db
    .insertInto('question_versions')
    .values({ ...v, locked: 0 })
    .execute();
}

export async function updateQuestionRow(
  db: Executor,
  id: number,
  changes: {
    topic_id?: number | null;
    difficulty?: string | null;
    source?: string | null;
    current_version?: number;
    search_folded?: string;
    duplicate_key?: string;
    deleted_at?: string | null;
    updated_at: string;
  },
) {
  await db.updateTable('questions').set(changes).where('id', '=', id).execute();
}

/** Current versions of a bank's live questions (optionally one topic), in bank order, with topic names. */
export function questionsForExport(db: Executor, bankId: number, topicId?: number) {
  let q = db
    .selectFrom('questions')
    .innerJoin('question_versions', (j) =>
      j.onRef('question_versions.question_id', '=', 'questions.id').onRef('question_versions.version', '=', 'questions.current_version'),
    )
    .leftJoin('topics', 'topics.id', 'questions.topic_id')
    .select([
      'questions.id',
      'questions.difficulty',
      'topics.name as topic_name',
      'topics.position',
      'question_versions.content_json',
      'question_versions.correct_index',
    ])
    .where('questions.bank_id', '=', bankId)
    .where('questions.deleted_at', 'is', null);
  if (topicId !== undefined) q = q.where('questions.topic_id', '=', topicId);
  return q.orderBy('topics.position').orderBy('questions.id').execute();
}

export async function imagesByIds(db: Executor, ids: number[]) {
  if (ids.length === 0) return new Map<number, { contentType: string; data: Uint8Array }>();
  const rows = await db.selectFrom('question_images').select(['id', 'content_type', 'data']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { contentType: r.content_type, data: new Uint8Array(r.data) }]));
}

/** Tags per question, in the order they were given. */
export async function tagsOf(db: Executor, questionIds: number[]): Promise<Map<number, string[]>> {
  const tags = new Map<number, string[]>();
  if (questionIds.length === 0) return tags;
  const rows = await db
    .selectFrom('question_tags')
    .select(['question_id', 'tag'])
    .where('question_id', 'in', questionIds)
    .orderBy('id')
    .execute();
  for (const row of rows) tags.set(row.question_id, [...(tags.get(row.question_id) ?? []), row.tag]);
  return tags;
}

export async function replaceTags(db: Executor, questionId: number, tags: { tag: string; tag_folded: string }[]) {
  await db.deleteFrom('question_tags').where('question_id', '=', questionId).execute();
  if (tags.length > 0)
    await db
      .insertInto('question_tags')
      .values(tags.map((t) => ({ question_id: questionId, ...t })))
      .execute();
}

/** The tags used by the bank's live questions with their counts (one spelling per folded form). */
export async function bankTags(db: Executor, bankId: number) {
  const rows = await db
    .selectFrom('question_tags')
    .innerJoin('questions', 'questions.id', 'question_tags.question_id')
    .select(['question_tags.tag_folded', (eb) => eb.fn.min('question_tags.tag').as('tag'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('questions.bank_id', '=', bankId)
    .where('questions.deleted_at', 'is', null)
    .groupBy('question_tags.tag_folded')
    .execute();
  return rows.map((r) => ({ tag: String(r.tag), count: Number(r.n) }));
}

export async function linkBankImage(
  db: Executor,
  link: { bank_id: number; image_id: number; created_by: number | null; created_at: string },
) {
  const existing = await db
    .selectFrom('bank_images')
    .select('id')
    .where('bank_id', '=', link.bank_id)
    .where('image_id', '=', link.image_id)
    .executeTakeFirst();
  if (!existing) await db.insertInto('bank_images').values(link).execute();
}

/** The ids among imageIds that were uploaded into the bank. */
export async function bankImageIds(db: Executor, bankId: number, imageIds: number[]): Promise<Set<number>> {
  if (imageIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('bank_images')
    .select('image_id')
    .where('bank_id', '=', bankId)
    .where('image_id', 'in', imageIds)
    .execute();
  return new Set(rows.map((r) => r.image_id));
}

/** A stored preview without its (large) payload: enough to check who may read it. */
export function findImportMeta(db: Executor, id: number) {
  return db
    .selectFrom('question_imports')
    .select(['id', 'created_by', 'bank_id', 'status', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function importPayload(db: Executor, id: number): Promise<string | undefined> {
  return (await db.selectFrom('question_imports').select('payload_json').where('id', '=', id).executeTakeFirst())?.payload_json;
}
