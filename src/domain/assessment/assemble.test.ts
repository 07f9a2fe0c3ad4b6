import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildVariant,
  buildVariants,
  displayKey,
  permuteOptions,
  selectQuestions,
  variantCodes,
  type PoolQuestion,
  type Selection,
} from './assemble.ts';
import { seededRandom } from './random.ts';
import { canonicalResponses, displayChoices, keyLetters } from './responses.ts';
import { DEFAULT_SCORING, grade } from './scoring.ts';

const questionArb = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc.record({
    pinned: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    correctIndex: fc.integer({ min: 0, max: n - 1 }),
  }),
);
const questionsArb = fc.array(questionArb, { minLength: 1, maxLength: 60 });
const shuffleArb = fc.record({ questions: fc.boolean(), options: fc.boolean() });

describe('variants (mã đề)', () => {
  it("each variant is a permutation of the selected questions and of each question's options", () => {
    fc.assert(
      fc.property(questionsArb, fc.string(), shuffleArb, (questions, seed, shuffle) => {
        for (const variant of buildVariants(questions, variantCodes(3), seed, shuffle)) {
          expect([...variant.items.map((i) => i.ordinal)].sort((a, b) => a - b)).toEqual(questions.map((_, i) => i));
          for (const item of variant.items) {
            const n = questions[item.ordinal].pinned.length;
            expect([...item.optionOrder].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
          }
        }
      }),
    );
  });

  it('pinned options keep their position', () => {
    fc.assert(
      fc.property(questionsArb, fc.string(), (questions, seed) => {
        const variant = buildVariant(questions, '101', seed, { questions: true, options: true });
        for (const item of variant.items) {
          questions[item.ordinal].pinned.forEach((pinned, i) => {
            if (pinned) expect(item.optionOrder[i]).toBe(i);
          });
        }
      }),
    );
  });

  it('is reproducible from the stored seed, and two codes differ', () => {
    const questions = Array.from({ length: 50 }, () => ({ pinned: [false, false, false, true], correctIndex: 1 }));
    const a = buildVariant(questions, '101', 'seed-1', { questions: true, options: true });
    expect(buildVariant(questions, '101', 'seed-1', { questions: true, options: true })).toEqual(a);
    expect(buildVariant(questions, '102', 'seed-1', { questions: true, options: true }).items).not.toEqual(a.items);
  });

  it('without shuffling keeps the bank order and the option order', () => {
    const questions = [
      { pinned: [false, false], correctIndex: 0 },
      { pinned: [false, false, false], correctIndex: 2 },
    ];
    expect(buildVariant(questions, '101', 's', { questions: false, options: false }).items).toEqual([
      { ordinal: 0, optionOrder: [0, 1] },
      { ordinal: 1, optionOrder: [0, 1, 2] },
    ]);
  });

  it('permuteOptions only moves unpinned options', () => {
    expect(permuteOptions([true, true, true], seededRandom('x'))).toEqual([0, 1, 2]);
  });
});

describe('grading on the canonical questions', () => {
  it('answering the key gives full marks, whatever the variant', () => {
    fc.assert(
      fc.property(questionsArb, fc.string(), shuffleArb, (questions, seed, shuffle) => {
        const correct = questions.map((q) => q.correctIndex);
        for (const variant of buildVariants(questions, variantCodes(2), seed, shuffle)) {
          const key = displayKey(variant.items, correct);
          const choices = new Map(key.map((choice, position) => [position, choice]));
          const result = grade(canonicalResponses(variant.items, choices), keyLetters(correct), DEFAULT_SCORING);
          expect(result).toEqual({ correct: questions.length, answered: questions.length, score: 10, band: 'Xuất sắc' });
        }
      }),
    );
  });

  it('the same answers on the same questions score the same on every variant', () => {
    fc.assert(
      fc.property(
        questionsArb,
        fc.string(),
        fc.array(fc.integer({ min: -1, max: 7 }), { minLength: 60, maxLength: 60 }),
        (questions, seed, picks) => {
          const correct = questions.map((q) => q.correctIndex);
          // picks[ordinal] = the original option the person means, or none.
          const scores = buildVariants(questions, variantCodes(3), seed, { questions: true, options: true }).map((variant) => {
            const choices = new Map<number, number | null>();
            variant.items.forEach((item, position) => {
              const original = picks[item.ordinal] % questions[item.ordinal].pinned.length;
              choices.set(position, original < 0 ? null : item.optionOrder.indexOf(original));
            });
            const responses = canonicalResponses(variant.items, choices);
            expect(displayChoices(variant.items, responses)).toEqual(variant.items.map((_, p) => choices.get(p)));
            return grade(responses, keyLetters(correct), DEFAULT_SCORING);
          });
          expect(new Set(scores.map((s) => JSON.stringify(s))).size).toBe(1);
        },
      ),
    );
  });
});

describe('selection', () => {
  const pool: PoolQuestion[] = Array.from({ length: 30 }, (_, i) => ({
    questionId: i + 1,
    versionId: 100 + i,
    topicId: i < 20 ? 1 : 2,
    difficulty: i % 2 ? 'recognition' : 'application',
    pinned: [false, false, false, false],
    correctIndex: 0,
  }));

  it('draws per rule without replacement, reproducibly', () => {
    const selection: Selection = {
      mode: 'rules',
      rules: [
        { topicId: 1, difficulty: 'recognition', count: 5 },
        { topicId: null, difficulty: null, count: 10 },
      ],
    };
    const a = selectQuestions(pool, selection, 'seed');
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(a.questions).toHaveLength(15);
    expect(new Set(a.questions.map((q) => q.questionId)).size).toBe(15);
    expect(a.questions.slice(0, 5).every((q) => q.topicId === 1 && q.difficulty === 'recognition')).toBe(true);
    expect(selectQuestions(pool, selection, 'seed')).toEqual(a);
  });

  it('reports each rule the bank cannot fill', () => {
    const outcome = selectQuestions(pool, { mode: 'rules', rules: [{ topicId: 2, difficulty: null, count: 12 }] }, 's');
    expect(outcome).toEqual({ ok: false, missingIds: [], shortfalls: [{ rule: 0, wanted: 12, available: 10 }] });
  });

  it('keeps a fixed list in its order and names missing questions', () => {
    const ok = selectQuestions(pool, { mode: 'fixed', questionIds: [5, 2, 9] }, 's');
    expect(ok.ok && ok.questions.map((q) => q.questionId)).toEqual([5, 2, 9]);
    expect(selectQuestions(pool, { mode: 'fixed', questionIds: [5, 99] }, 's')).toEqual({ ok: false, missingIds: [99], shortfalls: [] });
  });
});
