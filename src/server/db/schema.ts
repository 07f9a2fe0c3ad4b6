import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

// Instants are ISO-8601 UTC text, dates 'YYYY-MM-DD', flags 0/1: one representation on both dialects.

export interface UnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_folded: string;
  kind: string;
  school_level: string | null;
  legacy_district: string | null;
  parent_id: number | null;
  /** Materialised path of ids, '/1/5/23/': a subtree is a prefix. */
  path: string;
  depth: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface PersonTable {
  id: Generated<number>;
  full_name: string;
  name_folded: string;
  sort_key: string;
  birth_date: string | null;
  gender: string | null;
  staff_id: string | null;
  citizen_id: string | null;
  unit_id: number;
  position: string;
  /** The job title as written in the roster; null when only the category is known. */
  title: ColumnType<string | null, string | null | undefined, string | null>;
  party_member: number;
  party_joined_on: string | null;
  theory_level: string | null;
  phone: string | null;
  email: string | null;
  active: number;
  /** Minutes added to the person's time in every survey (0–240); a survey's own setting takes precedence. */
  extra_minutes: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

/** One person's extra minutes in one survey, set before they start (0 withdraws the person's default there). */
export interface AssessmentExtraTimeTable {
  assessment_id: number;
  person_id: number;
  minutes: number;
  reason: string | null;
  set_by: number | null;
  set_at: string;
}

export interface PositionTitleTable {
  /** titleKey() of the title: folded, punctuation as spaces. */
  title_key: string;
  title: string;
  position: string;
  updated_by: number | null;
  updated_at: string;
}

export interface PersonUnitHistoryTable {
  id: Generated<number>;
  person_id: number;
  unit_id: number;
  from_at: string;
  to_at: string | null;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  person_id: number | null;
  display_name: string;
  password_hash: string | null;
  must_change_password: number;
  initial_password_issued_at: string | null;
  last_login_at: string | null;
  disabled: number;
  created_at: string;
}

export interface RoleGrantTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  unit_id: number;
  granted_by: number | null;
  created_at: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginFailureTable {
  id: Generated<number>;
  key: string;
  at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  unit_id: number | null;
  summary: string;
  details: string | null;
}

export interface RosterImportTable {
  id: Generated<number>;
  created_by: number;
  under_unit_id: number;
  file_name: string;
  status: string;
  /** '[]' when rows_packed holds the records. */
  rows_json: string;
  /** gzip of the records' JSON (read-file.ts); null for imports previewed before it, and once committed. */
  rows_packed: Uint8Array | null;
  created_at: string;
}

export interface QuestionBankTable {
  id: Generated<number>;
  code: string;
  name: string;
  description: string | null;
  unit_id: number;
  active: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface QuestionBankShareTable {
  id: Generated<number>;
  bank_id: number;
  unit_id: number;
  granted_by: number | null;
  created_at: string;
}

export interface TopicTable {
  id: Generated<number>;
  bank_id: number;
  name: string;
  name_folded: string;
  material_url: string | null;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface QuestionImageTable {
  id: Generated<number>;
  sha256: string;
  content_type: string;
  data: Buffer;
  created_at: string;
}

export interface QuestionTable {
  id: Generated<number>;
  bank_id: number;
  topic_id: number | null;
  difficulty: string | null;
  tags: string | null;
  source: string | null;
  current_version: number;
  search_folded: string;
  duplicate_key: string;
  deleted_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface QuestionVersionTable {
  id: Generated<number>;
  question_id: number;
  version: number;
  content_json: string;
  correct_index: number;
  locked: number;
  created_by: number | null;
  created_at: string;
}

export interface QuestionImportTable {
  id: Generated<number>;
  created_by: number;
  bank_id: number;
  file_name: string;
  status: string;
  payload_json: string;
  created_at: string;
}

export interface AssessmentTable {
  id: Generated<number>;
  unit_id: number;
  bank_id: number;
  campaign_id: number | null;
  title: string;
  instructions: string | null;
  duration_min: number;
  question_count: number;
  opens_at: string;
  closes_at: string;
  attempts_allowed: number;
  selection_json: string;
  variant_mode: string;
  variant_count: number;
  shuffle_questions: number;
  shuffle_options: number;
  seed: string;
  scoring_json: string;
  review_json: string;
  grace_seconds: number;
  status: string;
  published_at: string | null;
  regraded_at: string | null;
  compare_with_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface AssessmentTargetTable {
  assessment_id: number;
  unit_id: number;
}

export interface AssessmentInviteeTable {
  assessment_id: number;
  person_id: number;
}

/** Frozen once when the assessment's window closed (see modules/population/service.ts). */
export interface AssessmentPopulationFreezeTable {
  assessment_id: number;
  frozen_at: string;
  closes_at: string;
  eligible_count: number;
}

/** Who had to take an assessment when it closed, as they were then. */
export interface AssessmentPopulationTable {
  assessment_id: number;
  person_id: number;
  unit_id: number;
  position: string;
  party_member: number;
}

export interface AssessmentQuestionTable {
  assessment_id: number;
  ordinal: number;
  question_id: number;
  version_id: number;
  correct_index: number;
  option_count: number;
}

export interface AssessmentVariantTable {
  id: Generated<number>;
  assessment_id: number;
  code: string;
  items_json: string;
  person_id: number | null;
  created_at: string;
}

export interface AttemptTable {
  id: Generated<number>;
  assessment_id: number;
  person_id: number;
  user_id: number;
  attempt_no: number;
  variant_id: number;
  status: string;
  started_at: string;
  deadline_at: string;
  submitted_at: string | null;
  submit_kind: string | null;
  answered_count: number | null;
  correct_count: number | null;
  score: number | null;
  band: string | null;
  responses: string | null;
  void_reason: string | null;
  last_seen_at: string;
  last_ip: string | null;
  client_id: string | null;
  ip_changes: Generated<number>;
  second_client_count: Generated<number>;
  blur_count: Generated<number>;
  blur_ms: Generated<number>;
}

export interface AttemptAnswerTable {
  attempt_id: number;
  position: number;
  choice: number | null;
  flagged: number;
  seq: number;
  saved_at: string;
  version: Generated<number>;
  writer: string | null;
}

export interface AttemptEventTable {
  id: Generated<number>;
  attempt_id: number;
  kind: string;
  at: string;
  detail: string | null;
  actor_user_id: number | null;
}

export interface QuestionTagTable {
  id: Generated<number>;
  question_id: number;
  tag: string;
  tag_folded: string;
}

export interface BankImageTable {
  id: Generated<number>;
  bank_id: number;
  image_id: number;
  created_by: number | null;
  created_at: string;
}

export interface CampaignTable {
  id: Generated<number>;
  name: string;
  name_folded: string;
  school_year: string;
  unit_id: number;
  starts_on: string | null;
  ends_on: string | null;
  description: string | null;
  attendance_required_percent: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface CampaignTargetTable {
  id: Generated<number>;
  campaign_id: number;
  unit_id: number;
  positions: string | null;
}

export interface LecturerTable {
  id: Generated<number>;
  unit_id: number;
  person_id: number | null;
  full_name: string;
  name_folded: string;
  title: string | null;
  workplace: string | null;
  kind: string;
  active: number;
  created_at: string;
}

export interface CampaignTopicTable {
  id: Generated<number>;
  campaign_id: number;
  name: string;
  name_folded: string;
  description: string | null;
  lecturer_id: number | null;
  position: number;
}

export interface MaterialTable {
  id: Generated<number>;
  campaign_id: number | null;
  topic_id: number | null;
  event_id: number | null;
  title: string;
  kind: string;
  url: string | null;
  storage_key: string | null;
  file_name: string | null;
  content_type: string | null;
  size: number | null;
  created_by: number | null;
  created_at: string;
}

export interface MaterialOpenTable {
  id: Generated<number>;
  material_id: number;
  user_id: number;
  first_at: string;
  last_at: string;
  count: number;
}

export interface SiteTable {
  id: Generated<number>;
  campaign_id: number;
  unit_id: number;
  name: string;
  address: string | null;
  capacity: number | null;
  online_url: string | null;
  created_at: string;
}

export interface SiteProctorTable {
  id: Generated<number>;
  site_id: number;
  person_id: number;
}

export interface SiteParticipantTable {
  id: Generated<number>;
  campaign_id: number;
  site_id: number;
  person_id: number;
}

/** Province side: a site's edge server (a laptop that runs the survey when the uplink is down). */
export interface EdgeTable {
  id: Generated<number>;
  site_id: number;
  name: string;
  token_hash: string;
  created_by: number | null;
  created_at: string;
  last_contact_at: string | null;
  /** Province clock minus the edge's, at the last contact. */
  clock_offset_ms: number | null;
  /** Changes the edge said it still had to send, at the last contact. */
  reported_pending: number | null;
  revoked_at: string | null;
}

export interface EdgeLeaseTable {
  assessment_id: number;
  person_id: number;
  edge_id: number;
  created_at: string;
}

export interface EdgeAttemptTable {
  edge_id: number;
  edge_attempt_id: number;
  attempt_id: number;
}

/** Edge side, one row. */
export interface EdgeIdentityTable {
  edge_id: number;
  site_id: number;
  site_name: string;
  upstream: string;
  token: string;
  prepared_at: string;
  acked_seq: Generated<number>;
  last_sync_at: string | null;
  last_error: string | null;
}

export interface EdgeOutboxTable {
  seq: Generated<number>;
  attempt_id: number;
}

export interface TrainingSessionTable {
  id: Generated<number>;
  site_id: number;
  date: string;
  starts_at: string;
  ends_at: string;
  topic_id: number | null;
  lecturer_id: number | null;
  note: string | null;
  checkin_code: string | null;
}

export interface AttendanceTable {
  id: Generated<number>;
  session_id: number;
  person_id: number;
  status: string;
  reason: string | null;
  note: string | null;
  via: string;
  marked_by: number | null;
  marked_at: string;
}

export interface ClassTypeTable {
  id: Generated<number>;
  code: string;
  name: string;
  position: number;
  active: number;
}

export interface TrainingClassTable {
  id: Generated<number>;
  unit_id: number;
  type_id: number;
  name: string;
  planned_start: string;
  planned_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  planned_trainees: number | null;
  location: string | null;
  notes: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ClassLecturerTable {
  id: Generated<number>;
  class_id: number;
  lecturer_id: number;
}

export interface ClassTraineeTable {
  id: Generated<number>;
  class_id: number;
  person_id: number | null;
  full_name: string;
  workplace: string | null;
  completed: number;
  certificate_no: string | null;
  created_at: string;
}

export interface ClassSessionTable {
  id: Generated<number>;
  class_id: number;
  date: string;
  half: string;
  topic: string | null;
  lecturer_id: number | null;
}

export interface ClassAttendanceTable {
  id: Generated<number>;
  session_id: number;
  trainee_id: number;
  status: string;
  reason: string | null;
}

export interface LecturerEvaluationTable {
  id: Generated<number>;
  class_id: number;
  lecturer_id: number;
  trainee_id: number;
  score: number;
  comment: string | null;
  created_at: string;
}

export interface EventTable {
  id: Generated<number>;
  unit_id: number;
  kind: string;
  name: string;
  starts_on: string;
  ends_on: string;
  halves: string;
  location: string | null;
  programme: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface EventInviteeTable {
  id: Generated<number>;
  event_id: number;
  person_id: number;
}

export interface EventAttendanceTable {
  id: Generated<number>;
  event_id: number;
  person_id: number;
  day: string;
  half: string;
  status: string;
  reason: string | null;
  marked_by: number | null;
  marked_at: string;
}

export interface CriteriaSetTable {
  id: Generated<number>;
  unit_id: number | null;
  name: string;
  bands_json: string;
  active: number;
  created_at: string;
}

export interface CriterionTable {
  id: Generated<number>;
  set_id: number;
  position: number;
  name: string;
  max_points: number;
}

export interface CellMeetingTable {
  id: Generated<number>;
  cell_unit_id: number;
  topic: string;
  held_on: string;
  chair: string | null;
  secretary: string | null;
  guests: string | null;
  members_total: number | null;
  members_present: number | null;
  absent_members: string | null;
  criteria_set_id: number | null;
  vote_for: number | null;
  vote_against: number | null;
  vote_abstain: number | null;
  conclusion: string | null;
  draft_storage_key: string | null;
  draft_file_name: string | null;
  draft_content_type: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface CellMeetingOpinionTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  speaker: string;
  summary: string;
}

export interface CellMeetingScoreTable {
  id: Generated<number>;
  meeting_id: number;
  criterion_id: number;
  score: number;
}

export interface Database {
  units: UnitTable;
  people: PersonTable;
  person_unit_history: PersonUnitHistoryTable;
  users: UserTable;
  role_grants: RoleGrantTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
  audit_log: AuditLogTable;
  roster_imports: RosterImportTable;
  position_titles: PositionTitleTable;
  question_banks: QuestionBankTable;
  question_bank_shares: QuestionBankShareTable;
  topics: TopicTable;
  question_images: QuestionImageTable;
  questions: QuestionTable;
  question_versions: QuestionVersionTable;
  question_imports: QuestionImportTable;
  assessments: AssessmentTable;
  assessment_targets: AssessmentTargetTable;
  assessment_invitees: AssessmentInviteeTable;
  assessment_questions: AssessmentQuestionTable;
  assessment_population_freezes: AssessmentPopulationFreezeTable;
  assessment_population: AssessmentPopulationTable;
  assessment_extra_time: AssessmentExtraTimeTable;
  assessment_variants: AssessmentVariantTable;
  attempts: AttemptTable;
  attempt_answers: AttemptAnswerTable;
  attempt_events: AttemptEventTable;
  question_tags: QuestionTagTable;
  bank_images: BankImageTable;
  campaigns: CampaignTable;
  campaign_targets: CampaignTargetTable;
  lecturers: LecturerTable;
  campaign_topics: CampaignTopicTable;
  materials: MaterialTable;
  material_opens: MaterialOpenTable;
  sites: SiteTable;
  site_proctors: SiteProctorTable;
  site_participants: SiteParticipantTable;
  training_sessions: TrainingSessionTable;
  attendance: AttendanceTable;
  class_types: ClassTypeTable;
  training_classes: TrainingClassTable;
  class_lecturers: ClassLecturerTable;
  class_trainees: ClassTraineeTable;
  class_sessions: ClassSessionTable;
  class_attendance: ClassAttendanceTable;
  lecturer_evaluations: LecturerEvaluationTable;
  events: EventTable;
  event_invitees: EventInviteeTable;
  event_attendance: EventAttendanceTable;
  criteria_sets: CriteriaSetTable;
  criteria: CriterionTable;
  cell_meetings: CellMeetingTable;
  cell_meeting_opinions: CellMeetingOpinionTable;
  cell_meeting_scores: CellMeetingScoreTable;
  edges: EdgeTable;
  edge_leases: EdgeLeaseTable;
  edge_attempts: EdgeAttemptTable;
  edge_identity: EdgeIdentityTable;
  edge_outbox: EdgeOutboxTable;
}

export type UnitRow = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
export type PersonRow = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
export type UserRow = Selectable<UserTable>;
export type RoleGrantRow = Selectable<RoleGrantTable>;
