/** Plausible answers of one simulated person, for demonstration data and benchmarks (a 3-parameter logistic model). */
import type { VariantItem } from '../assessment/assemble.ts';
import { gaussian } from '../statistics/synthetic.ts';
import type { Random } from './random.ts';

export interface SimulatedQuestion {
  /** The option the person would pick when they know the answer (the true key). */
  truth: number;
  optionCount: number;
  difficulty: number;
}

export interface SimulationShape {
  slope: number;
  /** Spread of the difficulty from one person to the next. */
  noise: number;
  /** Chance of leaving a question blank when not knowing it. */
  blank: number;
}

/** The original option chosen for each question (null = blank): known with a probability rising with ability, else a guess. */
export function simulateChoices(
  random: Random,
  ability: number,
  questions: readonly SimulatedQuestion[],
  shape: SimulationShape = { slope: 1.7, noise: 0.3, blank: 0.02 },
): (number | null)[] {
  return questions.map((q) => {
    const p = 0.2 + 0.8 / (1 + Math.exp(-shape.slope * (ability - q.difficulty - shape.noise * gaussian(random))));
    if (random.next() < p) return q.truth;
    if (random.chance(shape.blank)) return null;
    return (q.truth + random.int(1, q.optionCount - 1)) % q.optionCount;
  });
}

/** Those choices as the person's variant showed them: display position → display option. */
export function displayedChoices(items: readonly VariantItem[], original: readonly (number | null)[]): Map<number, number | null> {
  return new Map(
    items.map((item, position) => {
      const o = original[item.ordinal];
      return [position, o === null ? null : item.optionOrder.indexOf(o)] as const;
    }),
  );
}
