/** The JSON of the statistics page, shared by the server, the web app and the reports. */
import type { Band } from './bands.ts';
import type { ItemAnalysis, TestFigures } from './items.ts';
import type { GroupSummary } from './summary.ts';
import type { RichBlock } from '../question-bank/rich-text.ts';

export interface UnitFigures {
  unitId: number;
  name: string;
  eligible: number;
  took: number;
  didNotTake: number;
  participationPercent: number | null;
  summary: GroupSummary;
  hasChildren: boolean;
  /** The same unit in the assessment compared with (last year), when there is one. */
  compare: { took: number; mean: number | null; goodPercent: number | null } | null;
}

export interface CutFigures {
  key: string;
  label: string;
  summary: GroupSummary;
}

export interface ItemView extends ItemAnalysis {
  questionId: number;
  versionId: number;
  stem: string;
  stemRich: RichBlock[] | null;
  optionTexts: string[];
}

export interface StatisticsView {
  assessment: { id: number; title: string; opensAt: string; closesAt: string; questionCount: number; unitName: string };
  bands: Band[];
  goodLabel: string;
  /** The window is still open: every figure is partial. */
  live: boolean;
  computedAt: string;
  regradedAt: string | null;
  /** When who had to take it was frozen (at the close): the official figures count those people, as they were then. */
  populationFrozenAt: string | null;
  /** People of the unit whose attempt lives on a site's edge server and has not arrived graded: not in the figures yet. */
  onEdges: number;
  /** The unit shown, its ancestors within the reader's scope, and its children. */
  node: UnitFigures;
  path: { unitId: number | null; name: string }[];
  children: UnitFigures[];
  /** The reader's whole scope. */
  overall: GroupSummary;
  cuts: { bySchoolLevel: CutFigures[]; byPosition: CutFigures[]; byPartyMember: CutFigures[]; byVariant: CutFigures[] | null };
  /** For organisers only: the key and the questions' quality. */
  test: TestFigures | null;
  items: ItemView[] | null;
  /** Why an organiser does not see the item analysis yet (the key is sealed while people may still answer). */
  itemsHidden: string | null;
  comparison: { assessmentId: number; title: string; overall: GroupSummary } | null;
}
