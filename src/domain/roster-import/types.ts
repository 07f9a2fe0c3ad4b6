/** Shapes shared by the roster import: sheet rows in, normalised records and problems out. */

export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  excelRow: number;
  cells: CellValue[];
}

export type RosterField = 'fullName' | 'birthDate' | 'gender' | 'staffId' | 'citizenId' | 'unitName' | 'communeName'
  | 'position' | 'schoolLevel' | 'partyMember' | 'partyJoinedOn' | 'theoryLevel' | 'phone' | 'email' | 'legacyDistrict';

export interface RosterRecord {
  excelRow: number;
  fullName: string;
  birthDate: string | null;
  gender: 'male' | 'female' | null;
  staffId: string | null;
  citizenId: string | null;
  unitName: string;
  communeName: string | null;
  position: 'manager' | 'teacher' | 'staff';
  schoolLevel: 'mam_non' | 'tieu_hoc' | 'thcs' | 'thpt' | 'gdtx' | 'lien_cap' | null;
  partyMember: boolean;
  partyJoinedOn: string | null;
  theoryLevel: string | null;
  phone: string | null;
  email: string | null;
  legacyDistrict: string | null;
}

/** row = Excel row number; column = the header text as found in the file, or the canonical label when missing. */
export interface RosterProblem {
  row: number;
  column: string;
  message: string;
}

export interface RosterParseResult {
  headerRow: number | null;
  rows: number;
  records: RosterRecord[];
  problems: RosterProblem[];
}

export interface RosterParseOptions {
  /** The date ages are measured against; defaults to now. */
  today?: Date;
}

export type ImportAction = 'create' | 'update' | 'unchanged';

/** What the organiser sees before confirming an import. */
export interface ImportPreview {
  importId: number | null;
  fileName: string;
  underUnit: { id: number; name: string };
  rows: number;
  valid: number;
  problems: RosterProblem[];
  unitsToCreate: string[];
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  /** The first rows as they will be written. */
  sample: (RosterRecord & { action: ImportAction })[];
}
