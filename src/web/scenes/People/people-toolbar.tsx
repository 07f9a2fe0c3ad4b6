import { FileExcelOutlined, PrinterOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Tag, Typography } from 'antd';
import { useState } from 'react';
import { SCHOOL_LEVEL_LABELS, UNIT_KIND_LABELS, labelOf } from '../../../domain/roster.ts';
import { errorMessage } from '../../api/client.ts';
import { rosterApi } from '../../api/roster.ts';
import type { Unit } from '../../api/units.ts';
import { formatCount } from '../../lib/format.ts';
import type { UnitForest, UnitNode } from '../../lib/unit-tree.ts';
import { LoginSlipsModal } from './login-slips-modal.tsx';
import { UnitActions } from './unit-actions.tsx';

interface Props {
  unit: UnitNode;
  forest: UnitForest;
  allowed: { rosterWrite: boolean; unitsWrite: boolean; accountsManage: boolean };
  canWriteAt: (unit: UnitNode) => boolean;
  onAddPerson: () => void;
  onUnitsChanged: (selectId: number) => void;
}

/** The selected unit's name and what can be done there. */
export function PeopleToolbar({ unit, forest, allowed, canWriteAt, onAddPerson, onUnitsChanged }: Props) {
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const [slipsFor, setSlipsFor] = useState<Unit | null>(null);

  const handleExport = async () => {
    setExporting(true);
    try {
      const { fileName } = await rosterApi.exportUnit(unit.id);
      message.success(`Đã tải về ${fileName}.`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };

  const level = labelOf(SCHOOL_LEVEL_LABELS, unit.schoolLevel);
  return (
    <div style={{ marginBottom: 12 }}>
      <div style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {unit.name}
          {!unit.active && <Tag style={{ marginInlineStart: 8, verticalAlign: 'middle' }}>Ngừng hoạt động</Tag>}
        </Typography.Title>
        <Typography.Text type="secondary">
          {[
            labelOf(UNIT_KIND_LABELS, unit.kind),
            level && `Cấp học: ${level}`,
            `Mã: ${unit.code}`,
            `${formatCount(unit.totalPeople)} người đang công tác`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
      </div>
      <div className="toolbar">
        {allowed.rosterWrite && (
          <Button type="primary" icon={<UserAddOutlined />} onClick={onAddPerson}>
            Thêm người
          </Button>
        )}
        <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void handleExport()}>
          Xuất Excel
        </Button>
        {allowed.accountsManage && (
          <Button icon={<PrinterOutlined />} onClick={() => setSlipsFor(unit)}>
            In phiếu đăng nhập
          </Button>
        )}
        {allowed.unitsWrite && <UnitActions unit={unit} forest={forest} canWriteAt={canWriteAt} onChanged={onUnitsChanged} />}
      </div>
      <LoginSlipsModal unit={slipsFor} onClose={() => setSlipsFor(null)} />
    </div>
  );
}
