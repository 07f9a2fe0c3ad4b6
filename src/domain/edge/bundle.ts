/**
 * What a province gives an edge server when a proctor prepares it: the site's people who still have a survey to take,
 * the published variants of those surveys (stems and options, never the key: every correct index is -1), and for
 * each person the argon2id hash of a site exam code printed for them. Row shapes are the database's own.
 */
export const EDGE_BUNDLE_FORMAT = 'boiduong-edge/1';
/** The key is never in a bundle: the edge stores this in place of every correct index. */
export const NO_KEY = -1;

export interface EdgeBundle {
  format: typeof EDGE_BUNDLE_FORMAT;
  preparedAt: string;
  edge: { id: number; token: string; siteId: number; siteName: string };
  units: Record<string, unknown>[];
  people: Record<string, unknown>[];
  users: { id: number; username: string; person_id: number; display_name: string; password_hash: string; created_at: string }[];
  assessments: Record<string, unknown>[];
  /** The surveys' banks, by name only (the pages show it): no question of them beyond the frozen ones. */
  banks: Record<string, unknown>[];
  questionVersions: { id: number; question_id: number; version: number; content_json: string; created_at: string }[];
  assessmentQuestions: { assessment_id: number; ordinal: number; question_id: number; version_id: number; option_count: number }[];
  variants: Record<string, unknown>[];
  /** (survey, person) leased to this edge: the edge lets exactly these start. */
  leases: { assessment_id: number; person_id: number }[];
  extraTime: Record<string, unknown>[];
  images: { id: number; sha256: string; content_type: string; data: string; created_at: string }[];
}

/** The codes to print, returned once beside the bundle and never stored on either side. */
export interface EdgeSlip {
  personId: number;
  fullName: string;
  unitName: string;
  username: string;
  code: string;
}

/** Eight characters without look-alikes (0/O, 1/I/L): about 40 bits, typed on a phone in a few seconds. */
export const SITE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A person of the site the laptop does not take for a survey, and why (domain/edge/leases.ts): they stay on the province. */
export interface LeftOnProvince {
  personId: number;
  fullName: string;
  unitName: string;
  survey: string;
  reason: string;
}
