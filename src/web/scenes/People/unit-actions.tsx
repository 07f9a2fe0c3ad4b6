import {
  ApartmentOutlined,
  DeleteOutlined,
  DownOutlined,
  EditOutlined,
  PlusOutlined,
  PoweroffOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { unitsApi, type Unit } from '../../api/units.ts';
import type { UnitForest, UnitNode } from '../../lib/unit-tree.ts';
import { MoveUnitModal } from './move-unit-modal.tsx';
import { UnitFormModal, type UnitFormMode } from './unit-form-modal.tsx';

interface Props {
  unit: UnitNode;
  forest: UnitForest;
  canWriteAt: (unit: UnitNode) => boolean;
  /** After a change: reload the tree and select this unit. */
  onChanged: (selectId: number) => void;
}

/** The "Đơn vị" menu: add a sub-unit, edit, move, deactivate/reactivate, delete. */
export function UnitActions({ unit, forest, canWriteAt, onChanged }: Props) {
  const { message, modal } = App.useApp();
  const [formMode, setFormModeState] = useState<UnitFormMode | null>(null);
  const [formSession, setFormSession] = useState(0);
  const setFormMode = (mode: UnitFormMode | null) => {
    if (mode) setFormSession((n) => n + 1);
    setFormModeState(mode);
  };
  const [moving, setMoving] = useState<Unit | null>(null);
  const isRoot = unit.parentId === null || !forest.byId.has(unit.parentId);

  const setActive = async (active: boolean) => {
    try {
      await unitsApi.update(unit.id, { active });
      message.success(active ? `Đã kích hoạt lại ${unit.name}.` : `${unit.name} đã ngừng hoạt động.`);
      onChanged(unit.id);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const confirmDeactivate = () =>
    modal.confirm({
      title: `Ngừng hoạt động ${unit.name}?`,
      content: 'Đơn vị vẫn được giữ lại cùng lịch sử, hiển thị màu xám trong cây đơn vị và có thể kích hoạt lại.',
      okText: 'Ngừng hoạt động',
      cancelText: 'Hủy',
      okButtonProps: { danger: true },
      onOk: () => setActive(false),
    });

  const confirmDelete = () =>
    modal.confirm({
      title: `Xóa đơn vị ${unit.name}?`,
      content: 'Chỉ xóa được đơn vị chưa có đơn vị trực thuộc, nhân sự hay lịch sử. Thao tác này không hoàn tác được.',
      okText: 'Xóa',
      cancelText: 'Hủy',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await unitsApi.remove(unit.id);
          message.success(`Đã xóa đơn vị ${unit.name}.`);
          onChanged(unit.parentId ?? unit.id);
        } catch (err) {
          message.error(errorMessage(err));
        }
      },
    });

  const items: MenuProps['items'] = [
    { key: 'add', icon: <PlusOutlined />, label: 'Thêm đơn vị trực thuộc', onClick: () => setFormMode({ kind: 'create', parent: unit }) },
    { key: 'edit', icon: <EditOutlined />, label: 'Sửa đơn vị', onClick: () => setFormMode({ kind: 'edit', unit }) },
    { key: 'move', icon: <SwapOutlined />, label: 'Chuyển sang đơn vị khác', disabled: isRoot, onClick: () => setMoving(unit) },
    unit.active
      ? { key: 'deactivate', icon: <PoweroffOutlined />, label: 'Ngừng hoạt động', disabled: isRoot, onClick: confirmDeactivate }
      : { key: 'activate', icon: <PoweroffOutlined />, label: 'Kích hoạt lại', onClick: () => void setActive(true) },
    { type: 'divider' },
    { key: 'delete', icon: <DeleteOutlined />, label: 'Xóa đơn vị', danger: true, disabled: isRoot, onClick: confirmDelete },
  ];

  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
        <Button icon={<ApartmentOutlined />}>
          Đơn vị <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <UnitFormModal
        key={formSession}
        mode={formMode}
        onClose={() => setFormMode(null)}
        onSaved={(saved) => {
          message.success(formMode?.kind === 'edit' ? 'Đã lưu đơn vị.' : `Đã thêm ${saved.name}.`);
          setFormMode(null);
          onChanged(saved.id);
        }}
      />
      <MoveUnitModal
        unit={moving}
        forest={forest}
        canWriteAt={canWriteAt}
        onClose={() => setMoving(null)}
        onMoved={(moved) => {
          message.success(`Đã chuyển ${moved.name}.`);
          setMoving(null);
          onChanged(moved.id);
        }}
      />
    </>
  );
}
