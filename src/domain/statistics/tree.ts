/** The unit tree with every node holding the figures of its whole subtree (Sở → xã/phường → trường). */
import type { BandScheme } from './bands.ts';
import { percentOf } from './percent.ts';
import { SummaryAccumulator, type GroupSummary } from './summary.ts';

export interface UnitRow {
  id: number;
  parentId: number | null;
  name: string;
  /** Materialised path of ids, '/1/5/23/'. Passed through; the structure comes from parentId. */
  path: string;
}

export interface RolledUpUnit {
  id: number;
  parentId: number | null;
  name: string;
  path: string;
  /** 0 for a root of the given rows. */
  depth: number;
  /** People who must take the assessment, over the subtree. */
  eligible: number;
  /** Attempts over the subtree. */
  took: number;
  /**
   * Σ over the subtree's units of max(0, eligible − took). Clamped per unit because a unit can count more attempts
   * than eligible people (someone moved in after the list was fixed); those are `tookBeyondEligible`, so at every
   * node eligible − took = didNotTake − tookBeyondEligible, and one unit's surplus never hides another's absentees.
   */
  didNotTake: number;
  tookBeyondEligible: number;
  /** (eligible − didNotTake) ÷ eligible, in % with 2 decimals; null when nobody is eligible. */
  participationPercent: number | null;
  summary: GroupSummary;
  children: RolledUpUnit[];
}

export interface RolledUpTree {
  roots: RolledUpUnit[];
  byId: ReadonlyMap<number, RolledUpUnit>;
  /** Units with attempts that are not among the rows (their attempts are in no node). */
  unplacedUnitIds: number[];
}

/**
 * `accumulators` and `eligible` hold each unit's own figures (people directly in it). A row whose parent is not
 * among the rows is a root, so a subtree's rows roll up to that subtree. Accumulators are read, never changed.
 */
export function rollUpTree(
  units: readonly UnitRow[],
  accumulators: ReadonlyMap<number, SummaryAccumulator>,
  eligible: ReadonlyMap<number, number>,
  scheme: BandScheme,
): RolledUpTree {
  const byId = new Map<number, RolledUpUnit>();
  for (const unit of units) {
    if (byId.has(unit.id)) throw new Error(`unit tree: unit ${unit.id} appears twice`);
    const own = eligible.get(unit.id) ?? 0;
    if (!Number.isInteger(own) || own < 0) throw new Error(`unit tree: eligible count of unit ${unit.id} is ${own}`);
    byId.set(unit.id, {
      id: unit.id,
      parentId: unit.parentId,
      name: unit.name,
      path: unit.path,
      depth: 0,
      eligible: 0,
      took: 0,
      didNotTake: 0,
      tookBeyondEligible: 0,
      participationPercent: null,
      summary: undefined as unknown as GroupSummary,
      children: [],
    });
  }
  const roots: RolledUpUnit[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const order = breadthFirst(roots);
  if (order.length !== byId.size) throw new Error('unit tree: the parent links form a cycle');

  // Deepest first: a node is complete once all its children have been merged into its pending accumulator.
  const pending = new Map<number, SummaryAccumulator>();
  for (let k = order.length - 1; k >= 0; k--) {
    const node = order[k];
    const merged = pending.get(node.id) ?? new SummaryAccumulator(scheme);
    pending.delete(node.id);
    const own = accumulators.get(node.id);
    if (own) merged.merge(own);
    const ownEligible = eligible.get(node.id) ?? 0;
    const ownTook = own?.took ?? 0;
    node.eligible += ownEligible;
    node.didNotTake += Math.max(0, ownEligible - ownTook);
    node.tookBeyondEligible += Math.max(0, ownTook - ownEligible);
    node.took = merged.took;
    node.summary = merged.result();
    node.participationPercent = percentOf(node.eligible - node.didNotTake, node.eligible);
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (!parent) continue;
    parent.eligible += node.eligible;
    parent.didNotTake += node.didNotTake;
    parent.tookBeyondEligible += node.tookBeyondEligible;
    const parentPending = pending.get(parent.id);
    if (parentPending) parentPending.merge(merged);
    else pending.set(parent.id, merged);
  }
  const unplacedUnitIds = [...accumulators.entries()]
    .filter(([id, acc]) => acc.took > 0 && !byId.has(id))
    .map(([id]) => id)
    .sort((a, b) => a - b);
  return { roots, byId, unplacedUnitIds };
}

function breadthFirst(roots: RolledUpUnit[]): RolledUpUnit[] {
  const order = [...roots];
  for (let k = 0; k < order.length; k++) {
    for (const child of order[k].children) {
      child.depth = order[k].depth + 1;
      order.push(child);
    }
  }
  return order;
}
