import { Alert, Form, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { unitsApi, type Unit } from '../../api/units.ts';
import { UnitTreeSelect } from '../../components/unit-tree-select.tsx';
import { useAction } from '../../hooks/useAction.ts';
import type { UnitForest, UnitNode } from '../../lib/unit-tree.ts';

interface Props {
  unit: Unit | null;
  forest: UnitForest;
  canWriteAt: (unit: UnitNode) => boolean;
  onClose: () => void;
  onMoved: (unit: Unit) => void;
}

/** Moves a unit (with its subtree) under another parent. */
export function MoveUnitModal({ unit, forest, canWriteAt, onClose, onMoved }: Props) {
  const [target, setTarget] = useState<number | null>(null);
  const { run, pending: saving, error, setError } = useAction({ errors: 'inline' });

  useEffect(() => {
    setTarget(null);
    setError(null);
  }, [unit, setError]);

  const handleOk = async () => {
    if (!unit) return;
    if (!target) {
      setError('Chọn đơn vị cấp trên mới.');
      return;
    }
    await run(async () => onMoved(await unitsApi.move(unit.id, target)));
  };

  const current = unit?.parentId ? forest.byId.get(unit.parentId)?.name : undefined;
  return (
    <Modal
      title="Chuyển sang đơn vị khác"
      open={unit !== null}
      onCancel={onClose}
      onOk={() => void handleOk()}
      okText="Chuyển"
      cancelText="Hủy"
      confirmLoading={saving}
      destroyOnHidden
    >
      <p style={{ marginTop: 0 }}>
        Chuyển <strong>{unit?.name}</strong> cùng toàn bộ đơn vị trực thuộc và nhân sự sang đơn vị cấp trên mới.
        {current && (
          <>
            {' '}
            Hiện thuộc: <strong>{current}</strong>.
          </>
        )}
      </p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form layout="vertical">
        <Form.Item label="Đơn vị cấp trên mới" htmlFor="move-unit-target">
          <UnitTreeSelect
            id="move-unit-target"
            aria-label="Đơn vị cấp trên mới"
            forest={forest}
            value={target}
            onChange={setTarget}
            exclude={unit?.id}
            disabled={(u) => !canWriteAt(u) || u.id === unit?.parentId}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
