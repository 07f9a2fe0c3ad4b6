import { Kysely } from 'kysely';
import { withId } from './dialect.ts';

const DEFAULT_SET = 'Tiêu chí đánh giá sinh hoạt chuyên đề chi bộ (100 điểm)';
const DEFAULT_BANDS = [
  { label: 'Xuất sắc', min: 90 },
  { label: 'Tốt', min: 75 },
  { label: 'Đạt', min: 50 },
  { label: 'Chưa đạt', min: 0 },
];
const DEFAULT_CRITERIA: [string, number][] = [
  ['Chuẩn bị: chuyên đề, dự thảo báo cáo gửi trước cho đảng viên', 20],
  ['Nội dung chuyên đề sát thực tiễn của chi bộ, đơn vị', 25],
  ['Đảng viên tham gia ý kiến, thảo luận', 20],
  ['Kết luận của chủ trì rõ, có giải pháp, phân công thực hiện', 20],
  ['Tỷ lệ đảng viên dự sinh hoạt', 15],
];

/** Party cells' thematic meetings, scored against configurable criteria sets. */
export async function up(db: Kysely<any>): Promise<void> {
  /** unit_id null: a set for the whole province. */
  await withId(db, db.schema.createTable('criteria_sets'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    /** [{ label, min }] ratings by total points. */
    .addColumn('bands_json', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('criteria'))
    .addColumn('set_id', 'integer', (c) => c.notNull().references('criteria_sets.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('max_points', 'real', (c) => c.notNull())
    .execute();
  const at = new Date().toISOString();
  const { id } = await db
    .insertInto('criteria_sets')
    .values({ unit_id: null, name: DEFAULT_SET, bands_json: JSON.stringify(DEFAULT_BANDS), active: 1, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('criteria')
    .values(DEFAULT_CRITERIA.map(([name, max], i) => ({ set_id: id, position: i + 1, name, max_points: max })))
    .execute();

  await withId(db, db.schema.createTable('cell_meetings'))
    .addColumn('cell_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('chair', 'text')
    .addColumn('secretary', 'text')
    .addColumn('guests', 'text')
    .addColumn('members_total', 'integer')
    .addColumn('members_present', 'integer')
    .addColumn('absent_members', 'text')
    .addColumn('criteria_set_id', 'integer', (c) => c.references('criteria_sets.id'))
    .addColumn('vote_for', 'integer')
    .addColumn('vote_against', 'integer')
    .addColumn('vote_abstain', 'integer')
    .addColumn('conclusion', 'text')
    .addColumn('draft_storage_key', 'text')
    .addColumn('draft_file_name', 'text')
    .addColumn('draft_content_type', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cell_meetings_cell_idx').on('cell_meetings').columns(['cell_unit_id', 'held_on']).execute();
  await withId(db, db.schema.createTable('cell_meeting_opinions'))
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('cell_meetings.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('speaker', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('cell_meeting_scores'))
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('cell_meetings.id'))
    .addColumn('criterion_id', 'integer', (c) => c.notNull().references('criteria.id'))
    .addColumn('score', 'real', (c) => c.notNull())
    .addUniqueConstraint('cell_meeting_scores_unique', ['meeting_id', 'criterion_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['cell_meeting_scores', 'cell_meeting_opinions', 'cell_meetings', 'criteria', 'criteria_sets']) {
    await db.schema.dropTable(table).execute();
  }
}
