import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Empty, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { POSITIONS, POSITION_LABELS, type Position } from '../../../domain/roster.ts';
import { errorMessage } from '../../api/client.ts';
import { peopleApi, type PeoplePage, type Person } from '../../api/people.ts';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { useIsPhone } from '../../hooks/useIsPhone.ts';
import { formatCount, formatDateVi, genderLabel, positionLabel } from '../../lib/format.ts';

export const SEARCH_LABEL = 'Tìm theo tên, mã định danh, số CCCD';

interface Props {
  unitId: number | undefined;
  /** Bump to reload the current page (after an edit). */
  reloadKey: number;
  onOpen: (person: Person) => void;
}

function AccountTag({ person }: { person: Person }) {
  if (!person.username) return <Tag>Chưa có tài khoản</Tag>;
  return person.hasLoggedIn ? <Tag color="green">Đã đăng nhập</Tag> : <Tag color="orange">Chưa đăng nhập</Tag>;
}

export function PeopleTable({ unitId, reloadKey, onOpen }: Props) {
  const [query, setQuery] = useState('');
  const [position, setPosition] = useState<Position | undefined>();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [pageSize, setPageSize] = useState(20);
  const [data, setData] = useState<PeoplePage | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const q = useDebouncedValue(query.trim(), 300);
  const latest = useRef(0);
  const isPhone = useIsPhone();
  // On a phone the whole row scrolls: pinned columns would leave no room for the rest.
  const pin = isPhone ? undefined : ('left' as const);

  // A new unit or filter starts again at page 1.
  const filterKey = JSON.stringify([unitId, q, position, includeInactive]);
  const [paging, setPaging] = useState({ key: filterKey, page: 1 });
  const page = paging.key === filterKey ? paging.page : 1;

  useEffect(() => {
    if (unitId === undefined) return;
    const request = ++latest.current;
    setLoading(true);
    peopleApi
      .list({ unitId, q: q || undefined, position, includeInactive: includeInactive || undefined, page, pageSize })
      .then((result) => {
        if (request !== latest.current) return;
        setData(result);
        setError(null);
      })
      .catch((err) => request === latest.current && setError(errorMessage(err)))
      .finally(() => request === latest.current && setLoading(false));
  }, [unitId, q, position, includeInactive, page, pageSize, reloadKey]);

  const offset = ((data?.page ?? page) - 1) * (data?.pageSize ?? pageSize);
  const columns: TableColumnsType<Person> = [
    { title: 'STT', key: 'index', width: 56, align: 'right', fixed: pin, render: (_v, _r, index) => formatCount(offset + index + 1) },
    {
      title: 'Họ và tên',
      dataIndex: 'fullName',
      key: 'fullName',
      width: 180,
      fixed: pin,
      render: (name: string, person) => (
        <>
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', fontWeight: 500, whiteSpace: 'normal', textAlign: 'left' }}
            onClick={(e) => {
              e.stopPropagation();
              onOpen(person);
            }}
          >
            {name}
          </Button>
          {!person.active && <Tag style={{ marginInlineStart: 6 }}>Đã nghỉ</Tag>}
        </>
      ),
    },
    { title: 'Ngày sinh', dataIndex: 'birthDate', key: 'birthDate', width: 100, render: (v: string | null) => formatDateVi(v) },
    { title: 'Giới tính', dataIndex: 'gender', key: 'gender', width: 80, render: (v: string | null) => genderLabel(v) },
    { title: 'Mã định danh', dataIndex: 'staffId', key: 'staffId', width: 120, render: (v: string | null) => v ?? '' },
    { title: 'Đơn vị', dataIndex: 'unitName', key: 'unitName', width: 190, ellipsis: { showTitle: true } },
    { title: 'Chức vụ', dataIndex: 'position', key: 'position', width: 130, render: (v: string) => positionLabel(v) },
    {
      title: 'Đảng viên',
      dataIndex: 'partyMember',
      key: 'partyMember',
      width: 100,
      align: 'center',
      render: (v: boolean) => (v ? <Tag color="red">Đảng viên</Tag> : <span className="muted">—</span>),
    },
    { title: 'Tài khoản', key: 'account', width: 135, render: (_v, person) => <AccountTag person={person} /> },
  ];

  return (
    <>
      <div className="filters">
        <Input
          className="filters__search"
          type="search"
          allowClear
          prefix={<SearchOutlined />}
          placeholder={SEARCH_LABEL}
          aria-label={SEARCH_LABEL}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <Select
          aria-label="Chức vụ"
          placeholder="Chức vụ"
          allowClear
          style={{ width: 180 }}
          value={position}
          onChange={(v?: Position) => setPosition(v)}
          options={POSITIONS.map((p) => ({ value: p, label: POSITION_LABELS[p] }))}
        />
        <Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)}>
          Hiện cả người đã nghỉ
        </Checkbox>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<Person>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        scroll={{ x: 1091 }}
        onRow={(person) => ({ onClick: () => onOpen(person), style: { cursor: 'pointer' } })}
        locale={{ emptyText: <Empty description={q ? 'Không tìm thấy người nào khớp' : 'Đơn vị chưa có nhân sự'} /> }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: !isPhone,
          size: isPhone ? 'small' : undefined,
          showLessItems: isPhone,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => `Tổng: ${formatCount(total)} người`,
          onChange: (nextPage, nextSize) => {
            setPaging({ key: filterKey, page: nextSize !== pageSize ? 1 : nextPage });
            setPageSize(nextSize);
          },
        }}
      />
    </>
  );
}
