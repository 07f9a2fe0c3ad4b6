import { Kysely } from 'kysely';
import { withId } from './dialect.ts';

/** The usual class types of political centres, pre-filled; organisers may add others. */
const CLASS_TYPES = [
  ['KNĐ', 'Bồi dưỡng đối tượng kết nạp Đảng'],
  ['ĐVM', 'Bồi dưỡng đảng viên mới'],
  ['ĐT', 'Nghiệp vụ công tác đoàn thể'],
  ['CĐ', 'Bồi dưỡng chuyên đề'],
  ['TG', 'Nghiệp vụ tuyên giáo'],
  ['CNKT', 'Cập nhật kiến thức'],
  ['PHTCT', 'Phối hợp với Trường Chính trị tỉnh'],
  ['SCLLCT', 'Sơ cấp lý luận chính trị'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('class_types'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db
    .insertInto('class_types')
    .values(CLASS_TYPES.map(([code, name], i) => ({ code, name, position: i + 1, active: 1 })))
    .execute();

  await withId(db, db.schema.createTable('training_classes'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('type_id', 'integer', (c) => c.notNull().references('class_types.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('planned_start', 'text', (c) => c.notNull())
    .addColumn('planned_end', 'text')
    .addColumn('actual_start', 'text')
    .addColumn('actual_end', 'text')
    .addColumn('planned_trainees', 'integer')
    .addColumn('location', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_classes_unit_idx').on('training_classes').columns(['unit_id', 'planned_start']).execute();

  await withId(db, db.schema.createTable('class_lecturers'))
    .addColumn('class_id', 'integer', (c) => c.notNull().references('training_classes.id'))
    .addColumn('lecturer_id', 'integer', (c) => c.notNull().references('lecturers.id'))
    .addUniqueConstraint('class_lecturers_unique', ['class_id', 'lecturer_id'])
    .execute();

  /** A trainee from the roster (person_id) or typed in (name and workplace only). */
  await withId(db, db.schema.createTable('class_trainees'))
    .addColumn('class_id', 'integer', (c) => c.notNull().references('training_classes.id'))
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('workplace', 'text')
    .addColumn('completed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('certificate_no', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('class_trainees_class_idx').on('class_trainees').column('class_id').execute();
  await db.schema.createIndex('class_trainees_person_idx').on('class_trainees').column('person_id').execute();

  await withId(db, db.schema.createTable('class_sessions'))
    .addColumn('class_id', 'integer', (c) => c.notNull().references('training_classes.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    /** morning | afternoon */
    .addColumn('half', 'text', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('lecturer_id', 'integer', (c) => c.references('lecturers.id'))
    .execute();

  await withId(db, db.schema.createTable('class_attendance'))
    .addColumn('session_id', 'integer', (c) => c.notNull().references('class_sessions.id'))
    .addColumn('trainee_id', 'integer', (c) => c.notNull().references('class_trainees.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addUniqueConstraint('class_attendance_unique', ['session_id', 'trainee_id'])
    .execute();

  /** A trainee's short evaluation (1–5) of one lecturer's sessions in a class. */
  await withId(db, db.schema.createTable('lecturer_evaluations'))
    .addColumn('class_id', 'integer', (c) => c.notNull().references('training_classes.id'))
    .addColumn('lecturer_id', 'integer', (c) => c.notNull().references('lecturers.id'))
    .addColumn('trainee_id', 'integer', (c) => c.notNull().references('class_trainees.id'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('lecturer_evaluations_unique', ['class_id', 'lecturer_id', 'trainee_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'lecturer_evaluations',
    'class_attendance',
    'class_sessions',
    'class_trainees',
    'class_lecturers',
    'training_classes',
    'class_types',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
