import type { Migration, MigrationProvider } from 'kysely';
import * as roster from './2026-11-23-001-roster.ts';
import * as questionBanks from './2026-11-23-002-question-banks.ts';
import * as questions from './2026-11-23-003-questions.ts';
import * as assessments from './2026-11-23-004-assessments.ts';
import * as assessmentRegrade from './2026-11-24-005-assessment-regrade.ts';
import * as questionTags from './2026-11-24-101-question-tags.ts';
import * as bankImages from './2026-11-24-102-bank-images.ts';
import * as campaigns from './2026-11-24-010-campaigns.ts';
import * as classes from './2026-11-24-011-classes.ts';
import * as events from './2026-11-24-012-events.ts';
import * as cellMeetings from './2026-11-24-013-cell-meetings.ts';
import * as answerVersions from './2026-12-05-014-answer-versions.ts';
import * as rosterImportPacked from './2026-12-06-020-roster-import-packed.ts';
import * as positionTitles from './2026-12-06-021-position-titles.ts';
import * as surveyPopulation from './2026-12-06-030-survey-population.ts';
import * as extraTime from './2026-12-07-040-extra-time.ts';
import * as edges from './2026-12-08-050-edges.ts';

// Listed by hand so that the same list works from source (tsx) and in a bundle.
const migrations: Record<string, Migration> = {
  '2026-11-23-001-roster': roster,
  '2026-11-23-002-question-banks': questionBanks,
  '2026-11-23-003-questions': questions,
  '2026-11-23-004-assessments': assessments,
  '2026-11-24-005-assessment-regrade': assessmentRegrade,
  '2026-11-24-101-question-tags': questionTags,
  '2026-11-24-102-bank-images': bankImages,
  '2026-11-24-010-campaigns': campaigns,
  '2026-11-24-011-classes': classes,
  '2026-11-24-012-events': events,
  '2026-11-24-013-cell-meetings': cellMeetings,
  '2026-12-05-014-answer-versions': answerVersions,
  '2026-12-06-020-roster-import-packed': rosterImportPacked,
  '2026-12-06-021-position-titles': positionTitles,
  '2026-12-06-030-survey-population': surveyPopulation,
  '2026-12-07-040-extra-time': extraTime,
  '2026-12-08-050-edges': edges,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
