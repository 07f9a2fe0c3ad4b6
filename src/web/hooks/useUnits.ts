import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../api/client.ts';
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
export function useUnits(): UnitsState {
  const [units, setUnits] = useState<Unit[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setUnits(await unitsApi.list());
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const forest = useMemo(() => buildUnitForest(units), [units]);
  return { units, forest, loading, error, reload };
}
