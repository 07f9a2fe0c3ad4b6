import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, List, Popconfirm, Select, Tag } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../domain/roles.ts';
import { accountsApi } from '../../api/accounts.ts';
import type { PersonDetail } from '../../api/people.ts';
import { UnitTreeSelect } from '../../components/unit-tree-select.tsx';
import { useAction } from '../../hooks/useAction.ts';
import { useSignedIn } from '../../hooks/useMe.ts';
import { canAt, grantableRolesAt } from '../../lib/permissions.ts';
import { ancestorIds, type UnitForest } from '../../lib/unit-tree.ts';

interface Props {
  person: PersonDetail;
  forest: UnitForest;
  onChanged: () => void;
}

/** Roles the person holds, with revoke; and a small form to grant one more. */
export function PersonRoles({ person, forest, onChanged }: Props) {
  const { me } = useSignedIn();
  const [role, setRole] = useState<string | undefined>();
  const [unitId, setUnitId] = useState<number | null>(person.unitId);
  const { run: grant, pending: busy, error, setError } = useAction({ errors: 'inline' });
  const { run: revoke } = useAction();

  const canManageAt = (id: number) => canAt(me.grants, 'accounts.manage', ancestorIds(forest, id));
  const grantable = unitId ? grantableRolesAt(me.grants, ancestorIds(forest, unitId)) : [];
  const canGrantAny = forest.roots.some((r) => canManageAt(r.id)) || canManageAt(person.unitId);

  const handleGrant = async () => {
    if (!person.userId || !role || !unitId) {
      setError('Chọn vai trò và đơn vị.');
      return;
    }
    const userId = person.userId;
    await grant(
      async () => {
        await accountsApi.grant(userId, role, unitId);
        setRole(undefined);
        onChanged();
      },
      { success: `Đã cấp quyền ${ROLE_LABELS[role as keyof typeof ROLE_LABELS] ?? role}.` },
    );
  };

  const handleRevoke = (grantId: number) =>
    revoke(
      async () => {
        await accountsApi.revoke(grantId);
        onChanged();
      },
      { success: 'Đã thu hồi vai trò.' },
    );

  return (
    <>
      {person.roles.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có vai trò nào (mặc định là học viên)." style={{ margin: '8px 0' }} />
      ) : (
        <List
          size="small"
          bordered
          dataSource={person.roles}
          renderItem={(r) => (
            <List.Item
              actions={
                canManageAt(r.unitId)
                  ? [
                      <Popconfirm
                        key="revoke"
                        title="Thu hồi vai trò này?"
                        okText="Thu hồi"
                        cancelText="Hủy"
                        okButtonProps={{ danger: true }}
                        onConfirm={() => void handleRevoke(r.grantId)}
                      >
                        <Button
                          size="small"
                          danger
                          type="text"
                          icon={<DeleteOutlined />}
                          aria-label={`Thu hồi ${r.roleLabel} tại ${r.unitName}`}
                        >
                          Thu hồi
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <span>
                <Tag color="geekblue">{r.roleLabel}</Tag>tại {r.unitName}
              </span>
            </List.Item>
          )}
        />
      )}
      {person.userId && canGrantAny && (
        <div style={{ marginTop: 12 }}>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} role="alert" />}
          <Flex gap={8} wrap>
            <Select
              aria-label="Vai trò"
              placeholder="Vai trò"
              style={{ width: 170 }}
              value={role}
              onChange={setRole}
              options={grantable.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
              notFoundContent="Bạn không cấp được vai trò nào tại đơn vị này"
            />
            <UnitTreeSelect
              aria-label="Tại đơn vị"
              forest={forest}
              value={unitId}
              onChange={setUnitId}
              style={{ flex: 1, minWidth: 200, width: 'auto' }}
              disabled={(u) => !canManageAt(u.id)}
            />
            <Button type="primary" ghost icon={<PlusOutlined />} loading={busy} onClick={() => void handleGrant()}>
              Cấp quyền
            </Button>
          </Flex>
        </div>
      )}
    </>
  );
}
