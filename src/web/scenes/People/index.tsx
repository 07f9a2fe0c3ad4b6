import { ApartmentOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Drawer, Empty, Skeleton } from 'antd';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Person } from '../../api/people.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useSignedIn } from '../../hooks/useMe.ts';
import { useIsPhone } from '../../hooks/useIsPhone.ts';
import { useUnits } from '../../hooks/useUnits.ts';
import { canAt, type Capability } from '../../lib/permissions.ts';
import { ancestorIds, unitPathLabel, type UnitNode } from '../../lib/unit-tree.ts';
import { PeopleTable } from './people-table.tsx';
import { PeopleToolbar } from './people-toolbar.tsx';
import { PersonDetailDrawer } from './person-detail-drawer.tsx';
import { PersonFormDrawer, type PersonFormMode } from './person-form-drawer.tsx';
import { UnitTreePanel } from './unit-tree-panel.tsx';

export const UNIT_PARAM = 'don-vi';

/** The roster: the unit tree on the left, the selected subtree's people on the right. */
export default function PeopleScene() {
  const { me } = useSignedIn();
  const { message } = App.useApp();
  const { forest, loading, error, reload } = useUnits();
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const [treeOpen, setTreeOpen] = useState(false);
  const [openPersonId, setOpenPersonId] = useState<number | null>(null);
  const [formMode, setFormModeState] = useState<PersonFormMode | null>(null);
  const [formSession, setFormSession] = useState(0);
  const setFormMode = (mode: PersonFormMode | null) => {
    if (mode) setFormSession((n) => n + 1);
    setFormModeState(mode);
  };
  const [reloadKey, setReloadKey] = useState(0);

  const requested = Number(params.get(UNIT_PARAM));
  const unit = forest.byId.get(requested) ?? forest.roots[0];

  const can = useCallback((capability: Capability, u: UnitNode) => canAt(me.grants, capability, ancestorIds(forest, u.id)), [me, forest]);
  const canWriteAt = useCallback((u: UnitNode) => can('roster.write', u), [can]);

  const selectUnit = (id: number) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set(UNIT_PARAM, String(id));
      return next;
    });
    setTreeOpen(false);
  };

  const handleUnitsChanged = (selectId: number) => {
    void reload().then(() => selectUnit(selectId));
    setReloadKey((k) => k + 1);
  };

  const tree = (maxHeight: string) => (
    <UnitTreePanel forest={forest} loading={loading} selectedId={unit?.id} onSelect={selectUnit} maxHeight={maxHeight} />
  );

  return (
    <>
      <PageHeader
        title="Nhân sự"
        subtitle={unit ? unitPathLabel(forest, unit.id) : 'Danh sách cán bộ, giáo viên, nhân viên theo đơn vị'}
        extra={
          isPhone ? (
            <Button icon={<ApartmentOutlined />} onClick={() => setTreeOpen(true)}>
              Chọn đơn vị
            </Button>
          ) : null
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <div className="roster">
        {!isPhone && (
          <Card className="roster__units" size="small" title="Đơn vị" styles={{ body: { padding: 12 } }}>
            {tree('calc(100vh - 230px)')}
          </Card>
        )}
        <div className="roster__people">
          <Card>
            {loading && !unit && <Skeleton active paragraph={{ rows: 8 }} />}
            {!loading && !unit && <Empty description="Bạn chưa được giao đơn vị nào." />}
            {unit && (
              <>
                <PeopleToolbar
                  unit={unit}
                  forest={forest}
                  allowed={{
                    rosterWrite: can('roster.write', unit),
                    unitsWrite: can('units.write', unit),
                    accountsManage: can('accounts.manage', unit),
                  }}
                  canWriteAt={canWriteAt}
                  onAddPerson={() => setFormMode({ kind: 'create', unitId: unit.id })}
                  onUnitsChanged={handleUnitsChanged}
                />
                <PeopleTable unitId={unit.id} reloadKey={reloadKey} onOpen={(p: Person) => setOpenPersonId(p.id)} />
              </>
            )}
          </Card>
        </div>
      </div>
      {isPhone && (
        <Drawer
          title="Chọn đơn vị"
          placement="left"
          size="88%"
          open={treeOpen}
          onClose={() => setTreeOpen(false)}
          styles={{ body: { padding: 12 } }}
        >
          {tree('calc(100vh - 150px)')}
        </Drawer>
      )}
      <PersonDetailDrawer
        personId={openPersonId}
        forest={forest}
        reloadKey={reloadKey}
        onClose={() => setOpenPersonId(null)}
        onEdit={(person) => setFormMode({ kind: 'edit', person })}
      />
      <PersonFormDrawer
        key={formSession}
        mode={formMode}
        forest={forest}
        canWriteAt={canWriteAt}
        onClose={() => setFormMode(null)}
        onSaved={(saved) => {
          message.success(formMode?.kind === 'edit' ? 'Đã lưu thông tin.' : `Đã thêm ${saved.fullName}.`);
          setFormMode(null);
          setReloadKey((k) => k + 1);
          void reload();
        }}
      />
    </>
  );
}
