/** What a variant shows, built once per process from frozen data: the question versions and the variant's order. */
import type { VariantItem } from '../../../domain/assessment/assemble.ts';
import type { ExamQuestion } from '../../../domain/assessment/views.ts';
import type { Db, Executor } from '../../db/database.ts';
import { BoundedCache } from '../../lib/bounded-cache.ts';
import { readContent, type StoredContent } from '../questions/content.ts';
import { findAssessment, findVariant, frozenQuestions, variantsOf, type AssessmentRow } from '../assessments/repository.ts';
import { findAttempt, keyOf } from './repository.ts';
import { keyLetters } from '../../../domain/assessment/responses.ts';
import type { ScoringRule } from '../../../domain/assessment/scoring.ts';
import type { RichBlock } from '../../../domain/question-bank/rich-text.ts';

export interface FrozenQuestion {
  ordinal: number;
  questionId: number;
  versionId: number;
  optionCount: number;
  content: StoredContent;
}

export interface VariantContent {
  variantId: number;
  assessmentId: number;
  code: string;
  items: VariantItem[];
  /** In display order, options permuted; no key. */
  questions: { stem: string; stemRich: RichBlock[] | null; stemImages: number[]; options: { text: string; images: number[] }[] }[];
  imageIds: Set<number>;
}

/** What publishing froze about an assessment besides its questions. */
export interface FrozenFacts {
  id: number;
  questionCount: number;
  durationMin: number;
  graceSeconds: number;
  scoring: ScoringRule;
  variantMode: 'fixed' | 'per_person';
  seed: string;
  shuffle: { questions: boolean; options: boolean };
}

/** Who an attempt belongs to and what it sits: fixed when it starts. */
export interface AttemptFacts {
  id: number;
  assessmentId: number;
  personId: number;
  variantId: number;
  /** Held by a site's edge server: the province shows its result but takes no answers for it. */
  onEdge?: boolean;
}

/** The client id an attempt applied from an edge's sync carries on the province. */
export const isEdgeClient = (clientId: string | null) => clientId !== null && clientId.startsWith('edge:');

interface Caches {
  attempts: BoundedCache<number, Promise<AttemptFacts | null>>;
  facts: BoundedCache<number, Promise<FrozenFacts>>;
  frozen: BoundedCache<number, Promise<FrozenQuestion[]>>;
  variants: BoundedCache<number, Promise<VariantContent>>;
  keys: BoundedCache<number, { stamp: string | null; letters: Promise<string> }>;
  shared: BoundedCache<number, Promise<number[]>>;
  assessments: BoundedCache<number, { until: number; row: Promise<AssessmentRow | undefined> }>;
}

// Per database: tests run SQLite and PostgreSQL side by side in one process, with the same ids.
const cachesByDb = new WeakMap<Db, Caches>();

function cachesOf(db: Db): Caches {
  let caches = cachesByDb.get(db);
  if (!caches) {
    caches = {
      attempts: new BoundedCache(250_000),
      facts: new BoundedCache(200),
      frozen: new BoundedCache(200),
      variants: new BoundedCache(20_000),
      keys: new BoundedCache(200),
      shared: new BoundedCache(200),
      assessments: new BoundedCache(200),
    };
    cachesByDb.set(db, caches);
  }
  return caches;
}

/*
 * Each loader caches per database (`db`) and reads through `via`: inside a transaction, pass it, because on SQLite
 * the transaction holds the only connection.
 */

export async function attemptFacts(db: Db, attemptId: number, via: Executor = db): Promise<AttemptFacts | null> {
  const caches = cachesOf(db);
  const facts = await caches.attempts.load(attemptId, async () => {
    const row = await findAttempt(via, attemptId);
    return row
      ? {
          id: row.id,
          assessmentId: row.assessment_id,
          personId: row.person_id,
          variantId: row.variant_id,
          onEdge: isEdgeClient(row.client_id),
        }
      : null;
  });
  if (!facts) caches.attempts.delete(attemptId); // it may exist later; only found attempts are kept
  return facts;
}

const ASSESSMENT_FRESH_MS = 1000;

/**
 * An assessment's row as the participant's pages read it (title, window, attempts allowed): at most a second old, so a
 * burst of starts and exam pages reads it once a second per node instead of once per request. An organiser's change
 * (a later close, a new title) reaches participants within that second.
 */
export function recentAssessment(db: Db, assessmentId: number, now: number): Promise<AssessmentRow | undefined> {
  const cache = cachesOf(db).assessments;
  const hit = cache.get(assessmentId);
  if (hit && hit.until > now) return hit.row;
  const row = findAssessment(db, assessmentId);
  cache.set(assessmentId, { until: now + ASSESSMENT_FRESH_MS, row });
  row.catch(() => {
    if (cache.get(assessmentId)?.row === row) cache.delete(assessmentId);
  });
  return row;
}

/** The ids of a published assessment's shared variants (101, 102, …) in code order: frozen at publish. */
export function sharedVariantIds(db: Db, assessmentId: number, via: Executor = db): Promise<number[]> {
  return cachesOf(db).shared.load(assessmentId, async () => (await variantsOf(via, assessmentId)).map((v) => v.id));
}

/** An attempt just started here: its facts are known without reading them back. */
export function rememberAttempt(db: Db, facts: AttemptFacts): void {
  cachesOf(db).attempts.set(facts.id, Promise.resolve(facts));
}

/** Only for a published assessment: a draft's settings may still change. */
export function frozenFacts(db: Db, assessmentId: number, via: Executor = db): Promise<FrozenFacts> {
  return cachesOf(db).facts.load(assessmentId, async () => {
    const row = await findAssessment(via, assessmentId);
    if (!row || row.status !== 'published') throw new Error(`assessment ${assessmentId} is not published`);
    return {
      id: row.id,
      questionCount: row.question_count,
      durationMin: row.duration_min,
      graceSeconds: row.grace_seconds,
      scoring: JSON.parse(row.scoring_json) as ScoringRule,
      variantMode: row.variant_mode as FrozenFacts['variantMode'],
      seed: row.seed,
      shuffle: { questions: row.shuffle_questions === 1, options: row.shuffle_options === 1 },
    };
  });
}

/** The questions an assessment froze at publish (content only: the key may change by regrading, so it is not cached). */
export function frozenOf(db: Db, assessmentId: number, via: Executor = db): Promise<FrozenQuestion[]> {
  return cachesOf(db).frozen.load(assessmentId, async () =>
    (await frozenQuestions(via, assessmentId)).map((r) => ({
      ordinal: r.ordinal,
      questionId: r.question_id,
      versionId: r.version_id,
      optionCount: r.option_count,
      content: readContent(r.content_json),
    })),
  );
}

/**
 * The key as letters in canonical order. A key correction changes `assessments.regraded_at` in its transaction; the
 * caller passes the value it read (with the attempt's lock), and a different one loads the key again — through `via`:
 * the caller's transaction, or a reader of the correct indexes in canonical order on the connection it holds.
 */
export function currentKey(
  db: Db,
  assessmentId: number,
  regradedAt: string | null,
  via: Executor | (() => Promise<number[]>) = db,
): Promise<string> {
  const keys = cachesOf(db).keys;
  const hit = keys.get(assessmentId);
  if (hit && hit.stamp === regradedAt) return hit.letters;
  const read = typeof via === 'function' ? via() : keyOf(via, assessmentId).then((rows) => rows.map((k) => k.correct_index));
  const letters = read.then(keyLetters);
  keys.set(assessmentId, { stamp: regradedAt, letters });
  letters.catch(() => {
    if (keys.get(assessmentId)?.letters === letters) keys.delete(assessmentId);
  });
  return letters;
}

export function variantContent(db: Db, variantId: number, via: Executor = db): Promise<VariantContent> {
  return cachesOf(db).variants.load(variantId, async () => {
    const variant = await findVariant(via, variantId);
    if (!variant) throw new Error(`variant ${variantId} not found`);
    const frozen = await frozenOf(db, variant.assessment_id, via);
    const items = JSON.parse(variant.items_json) as VariantItem[];
    const imageIds = new Set<number>();
    const questions = items.map((item) => {
      const content = frozen[item.ordinal].content;
      content.stemImages.forEach((id) => imageIds.add(id));
      return {
        stem: content.stem,
        stemRich: content.stemRich ?? null,
        stemImages: content.stemImages,
        options: item.optionOrder.map((original) => {
          const option = content.options[original];
          option.images.forEach((id) => imageIds.add(id));
          return { text: option.text, images: option.images };
        }),
      };
    });
    return { variantId, assessmentId: variant.assessment_id, code: variant.code, items, questions, imageIds };
  });
}

export function examQuestions(content: VariantContent, attemptId: number): ExamQuestion[] {
  const url = (imageId: number) => `/api/attempts/${attemptId}/images/${imageId}`;
  return content.questions.map((q, position) => ({
    position,
    stem: q.stem,
    stemRich: q.stemRich,
    stemImages: q.stemImages.map(url),
    options: q.options.map((o) => ({ text: o.text, images: o.images.map(url) })),
  }));
}
