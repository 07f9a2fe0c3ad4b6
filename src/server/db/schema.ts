import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

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
  party_member: number;
  party_joined_on: string | null;
  theory_level: string | null;
  phone: string | null;
  email: string | null;
  active: number;
  created_at: string;
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
  rows_json: string;
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
  assessment_variants: AssessmentVariantTable;
  attempts: AttemptTable;
  attempt_answers: AttemptAnswerTable;
  attempt_events: AttemptEventTable;
  question_tags: QuestionTagTable;
  bank_images: BankImageTable;
}

export type UnitRow = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
export type PersonRow = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
export type UserRow = Selectable<UserTable>;
export type RoleGrantRow = Selectable<RoleGrantTable>;
