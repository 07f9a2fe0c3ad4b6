import { fold } from '../../domain/text.ts';
import type { Unit } from '../api/units.ts';

export interface UnitNode extends Unit {
  children: UnitNode[];
  /** Active people of the whole subtree. */
  totalPeople: number;
}

export interface UnitForest {
  roots: UnitNode[];
  byId: Map<number, UnitNode>;
}

const collator = new Intl.Collator('vi', { numeric: true });

/** Builds the tree from the flat list; units whose parent is out of the user's scope become roots. */
export function buildUnitForest(units: Unit[]): UnitForest {
  const byId = new Map<number, UnitNode>();
  for (const u of units) byId.set(u.id, { ...u, children: [], totalPeople: 0 });
  const roots: UnitNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const finish = (node: UnitNode): number => {
    node.children.sort((a, b) => collator.compare(a.name, b.name));
    node.totalPeople = node.peopleCount + node.children.reduce((sum, c) => sum + finish(c), 0);
    return node.totalPeople;
  };
  roots.forEach(finish);
  return { roots, byId };
}

/** The unit's id and its ancestors' ids, nearest first. */
export function ancestorIds(forest: UnitForest, id: number): number[] {
  const out: number[] = [];
  let node = forest.byId.get(id);
  while (node && !out.includes(node.id)) {
    out.push(node.id);
    node = node.parentId === null ? undefined : forest.byId.get(node.parentId);
  }
  return out;
}

/** The highest unit (breadth-first from the roots) that passes: the default owner of what a user creates. */
export function topmostUnit(forest: UnitForest, passes: (u: UnitNode) => boolean): UnitNode | undefined {
  const queue = [...forest.roots];
  for (let u = queue.shift(); u; u = queue.shift()) {
    if (passes(u)) return u;
    queue.push(...u.children);
  }
  return undefined;
}

export function isInSubtree(forest: UnitForest, id: number, rootId: number): boolean {
  return ancestorIds(forest, id).includes(rootId);
}

/** "Sở GD&ĐT › Xã A › Trường B" */
export function unitPathLabel(forest: UnitForest, id: number): string {
  return ancestorIds(forest, id)
    .reverse()
    .map((i) => forest.byId.get(i)?.name ?? '')
    .join(' › ');
}

/** Ids of the units whose name matches the query (diacritics ignored) and of their ancestors. */
export function matchingIds(forest: UnitForest, query: string): { visible: Set<number>; matches: Set<number> } | null {
  const q = fold(query);
  if (!q) return null;
  const visible = new Set<number>();
  const matches = new Set<number>();
  for (const node of forest.byId.values()) {
    if (!fold(node.name).includes(q) && !fold(node.code).includes(q)) continue;
    matches.add(node.id);
    for (const id of ancestorIds(forest, node.id)) visible.add(id);
  }
  return { visible, matches };
}

export interface UnitSelectOption {
  value: number;
  title: string;
  label: string;
  disabled?: boolean;
  children?: UnitSelectOption[];
}

/** Options for an antd TreeSelect; `exclude` drops a subtree (a unit cannot move under itself). */
export function unitSelectOptions(forest: UnitForest, options: { exclude?: number; disabled?: (u: UnitNode) => boolean } = {}) {
  const map = (node: UnitNode): UnitSelectOption | null => {
    if (node.id === options.exclude) return null;
    const children = node.children.map(map).filter((c): c is UnitSelectOption => c !== null);
    const title = node.active ? node.name : `${node.name} (ngừng hoạt động)`;
    return { value: node.id, title, label: title, disabled: options.disabled?.(node), children: children.length ? children : undefined };
  };
  return forest.roots.map(map).filter((c): c is UnitSelectOption => c !== null);
}
