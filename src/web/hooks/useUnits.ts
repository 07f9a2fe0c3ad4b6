import { useMemo } from 'react';
import { useLoader } from './useLoader.ts';
import { unitsApi, type Unit } from '../api/units.ts';
import { buildUnitForest, type UnitForest } from '../lib/unit-tree.ts';

export interface UnitsState {
  units: Unit[];
  forest: UnitForest;
  loading: boolean;
  error: string | null;
  reload: () => Promise<void>;
}

/** The units the user may read, as a flat list and as a tree. */
const NO_UNITS: Unit[] = [];

export function useUnits(): UnitsState {
  const { data: units, loading, error, reload } = useLoader(unitsApi.list, NO_UNITS);
  const forest = useMemo(() => buildUnitForest(units), [units]);
  return { units, forest, loading, error, reload };
}
