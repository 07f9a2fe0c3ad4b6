import { DeleteOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Input, Popconfirm, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { ROLES, ROLE_LABELS } from '../../../domain/roles.ts';
import { fold } from '../../../domain/text.ts';
import { accountsApi, type GrantRow } from '../../api/accounts.ts';
import { errorMessage } from '../../api/client.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useSignedIn } from '../../hooks/useMe.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { useUnits } from '../../hooks/useUnits.ts';
import { grantableRolesAt } from '../../lib/permissions.ts';
import { ancestorIds } from '../../lib/unit-tree.ts';
import type { Role } from '../../../domain/roles.ts';
import { formatCount } from '../../lib/format.ts';

const NO_GRANTS: GrantRow[] = [];

export default function GrantsScene() {
  const { message } = App.useApp();
  const { me } = useSignedIn();
  const { forest } = useUnits();
  // Only roles the user could grant at that unit can be revoked there (the server applies the same rule).
  const canRevoke = (r: GrantRow) =>
    r.userId !== me.userId && grantableRolesAt(me.grants, ancestorIds(forest, r.unitId)).includes(r.role as Role);
  const { data: rows, loading, error, reload: load } = useLoader(accountsApi.grants, NO_GRANTS);
  const [role, setRole] = useState<string | undefined>();
  const [query, setQuery] = useState('');

  const handleRevoke = async (row: GrantRow) => {
    try {
      await accountsApi.revoke(row.grantId);
      message.success(`Đã thu hồi vai trò ${row.roleLabel} của ${row.displayName}.`);
      await load();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const visible = useMemo(() => {
    const q = fold(query);
    return rows.filter((r) => (!role || r.role === role) && (!q || fold(`${r.displayName} ${r.username} ${r.unitName}`).includes(q)));
  }, [rows, role, query]);

  const columns: TableColumnsType<GrantRow> = [
    {
      title: 'Người',
      dataIndex: 'displayName',
      key: 'name',
      width: 220,
      render: (name: string, r) => (
        <>
          {name}
          {r.disabled && (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              Đã khóa
            </Tag>
          )}
        </>
      ),
    },
    { title: 'Tên đăng nhập', dataIndex: 'username', key: 'username', width: 150 },
    { title: 'Vai trò', dataIndex: 'roleLabel', key: 'role', width: 160, render: (v: string) => <Tag color="geekblue">{v}</Tag> },
    { title: 'Tại đơn vị', dataIndex: 'unitName', key: 'unit', width: 260 },
    {
      title: 'Đã đăng nhập',
      dataIndex: 'hasLoggedIn',
      key: 'login',
      width: 130,
      render: (v: boolean) => (v ? <Tag color="green">Đã đăng nhập</Tag> : <Tag color="orange">Chưa đăng nhập</Tag>),
    },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 120,
      render: (_v, r) =>
        !canRevoke(r) ? (
          <span className="muted">—</span>
        ) : (
          <Popconfirm
            title={`Thu hồi vai trò ${r.roleLabel} của ${r.displayName}?`}
            okText="Thu hồi"
            cancelText="Hủy"
            okButtonProps={{ danger: true }}
            onConfirm={() => void handleRevoke(r)}
          >
            <Button
              size="small"
              danger
              type="text"
              icon={<DeleteOutlined />}
              aria-label={`Thu hồi ${r.roleLabel} của ${r.displayName} tại ${r.unitName}`}
            >
              Thu hồi
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Phân quyền"
        subtitle="Vai trò đã giao trong phạm vi đơn vị của bạn. Cấp quyền mới từ trang Nhân sự (bấm vào một người)."
      />
      <Card>
        <div className="filters">
          <Input
            className="filters__search"
            allowClear
            prefix={<SearchOutlined />}
            type="search"
            placeholder="Tìm theo tên, tên đăng nhập, đơn vị"
            aria-label="Tìm theo tên, tên đăng nhập, đơn vị"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <Select
            aria-label="Vai trò"
            placeholder="Vai trò"
            allowClear
            style={{ width: 200 }}
            value={role}
            onChange={setRole}
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          />
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Table<GrantRow>
          rowKey="grantId"
          size="middle"
          columns={columns}
          dataSource={visible}
          loading={loading}
          scroll={{ x: 1040 }}
          locale={{ emptyText: <Empty description="Chưa có vai trò nào được giao" /> }}
          pagination={{
            pageSize: 20,
            showSizeChanger: false,
            showTotal: (t) => `Tổng: ${formatCount(t)} vai trò`,
            hideOnSinglePage: false,
          }}
        />
      </Card>
    </>
  );
}
