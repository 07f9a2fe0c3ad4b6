/** Shapes shared by the roster import: sheet rows in, normalised records and problems out. */

export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  excelRow: number;
  cells: CellValue[];
}

export type RosterField =
  | 'fullName'
  | 'birthDate'
  | 'gender'
  | 'staffId'
  | 'citizenId'
  | 'unitName'
  | 'communeName'
  | 'position'
  | 'positionGroup'
  | 'schoolLevel'
  | 'partyMember'
  | 'partyJoinedOn'
  | 'theoryLevel'
  | 'phone'
  | 'email'
  | 'legacyDistrict'
  | 'extraMinutes';

export interface RosterRecord {
  excelRow: number;
  fullName: string;
  birthDate: string | null;
  gender: 'male' | 'female' | null;
  staffId: string | null;
  citizenId: string | null;
  unitName: string;
  communeName: string | null;
  /** The category the statistics count; null while the title is one the organiser has still to map. */
  position: 'manager' | 'teacher' | 'staff' | null;
  /** The job title as written ("Tổ trưởng chuyên môn"); null when the cell only named the category. */
  title: string | null;
  schoolLevel: 'mam_non' | 'tieu_hoc' | 'thcs' | 'thpt' | 'gdtx' | 'lien_cap' | null;
  partyMember: boolean;
  partyJoinedOn: string | null;
  theoryLevel: string | null;
  phone: string | null;
  email: string | null;
  legacyDistrict: string | null;
  /**
   * Minutes added to the person's time in every survey; null (or absent, in imports previewed before the column
   * existed) when the file has no such column: the stored value is kept.
   */
  extraMinutes?: number | null;
}

/** row = Excel row number; column = the header text as found in the file, or the canonical label when missing. */
export interface RosterProblem {
  row: number;
  column: string;
  message: string;
}

/** A row under the table that is not a person (a total, the date line, a signature): skipped, and said so. */
export interface SkippedRow {
  row: number;
  text: string;
  reason: string;
}

export interface RosterParseResult {
  headerRow: number | null;
  rows: number;
  records: RosterRecord[];
  problems: RosterProblem[];
  skipped?: SkippedRow[];
}

export interface RosterParseOptions {
  /** The date ages are measured against; defaults to now. */
  today?: Date;
}

export type ImportAction = 'create' | 'update' | 'unchanged';

/** A job title neither the vocabulary nor an organiser's mapping places in a category: listed once in the preview. */
export interface UnknownTitle {
  title: string;
  /** The first rows of the file that carry it. */
  rows: number[];
  count: number;
}

/** What the organiser sees before confirming an import. */
export interface ImportPreview {
  importId: number | null;
  fileName: string;
  underUnit: { id: number; name: string };
  rows: number;
  valid: number;
  problems: RosterProblem[];
  unitsToCreate: string[];
  /** Footer rows under the table, left out. */
  skipped: SkippedRow[];
  /** Titles to map to a category before the file can be imported. */
  unknownTitles: UnknownTitle[];
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  /** The first rows as they will be written. */
  sample: (RosterRecord & { action: ImportAction })[];
}
