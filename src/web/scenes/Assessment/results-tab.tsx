import { Alert, Flex, Input, Select, Table, Tag, type TableColumnsType, type TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import { POSITION_LABELS, SCHOOL_LEVEL_LABELS, SCHOOL_LEVELS, POSITIONS } from '../../../domain/roster.ts';
import type { AssessmentDetail } from '../../api/assessments.ts';
import { errorMessage } from '../../api/client.ts';
import { resultsApi, type ResultRow, type ResultsQuery } from '../../api/results.ts';
import { UnitTreeSelect } from '../../components/unit-tree-select.tsx';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { useUnits } from '../../hooks/useUnits.ts';
import { formatCount, formatDateTimeVi } from '../../lib/format.ts';
import { AttemptDrawer } from './attempt-drawer.tsx';
import { formatDuration } from './format.ts';

const PAGE_SIZE = 50;
type Filters = Omit<ResultsQuery, 'page' | 'pageSize' | 'sort' | 'order' | 'q'>;

/** Every counted attempt of the user's subtree: filters, sorting, search without diacritics; a row opens the attempt. */
export function ResultsTab({ detail }: { detail: AssessmentDetail }) {
  const { forest } = useUnits();
  const [filters, setFilters] = useState<Filters>({});
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const [sort, setSort] = useState<{ sort: ResultsQuery['sort']; order: ResultsQuery['order'] }>({ sort: 'name', order: 'asc' });
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: ResultRow[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);

  useEffect(() => {
    setPage(1);
  }, [filters, q, sort]);
  useEffect(() => {
    let live = true;
    setLoading(true);
    resultsApi
      .list(detail.id, { ...filters, q: q || undefined, ...sort, page, pageSize: PAGE_SIZE })
      .then(
        (r) => {
          if (live) {
            setData(r);
            setError(null);
          }
        },
        (e) => live && setError(errorMessage(e)),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [detail.id, filters, q, sort, page]);

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const columns: TableColumnsType<ResultRow> = [
    { title: 'STT', width: 60, render: (_, __, i) => (page - 1) * PAGE_SIZE + i + 1 },
    {
      title: 'Họ và tên',
      key: 'name',
      sorter: true,
      sortOrder: sort.sort === 'name' ? (sort.order === 'asc' ? 'ascend' : 'descend') : null,
      render: (_, r) => (
        <>
          {r.fullName}
          {r.partyMember && <Tag style={{ marginLeft: 6 }}>Đảng viên</Tag>}
          <div className="muted">{POSITION_LABELS[r.position as keyof typeof POSITION_LABELS] ?? ''}</div>
        </>
      ),
    },
    {
      title: 'Đơn vị',
      key: 'unit',
      sorter: true,
      sortOrder: sort.sort === 'unit' ? (sort.order === 'asc' ? 'ascend' : 'descend') : null,
      render: (_, r) => (
        <>
          {r.unitName}
          <div className="muted">{SCHOOL_LEVEL_LABELS[r.schoolLevel as keyof typeof SCHOOL_LEVEL_LABELS] ?? ''}</div>
        </>
      ),
    },
    { title: 'Mã đề', dataIndex: 'variantCode', width: 80 },
    { title: 'Số câu đúng', width: 100, align: 'right', render: (_, r) => `${r.correct ?? 0}/${detail.questionCount}` },
    {
      title: 'Điểm',
      key: 'score',
      width: 90,
      align: 'right',
      sorter: true,
      sortOrder: sort.sort === 'score' ? (sort.order === 'asc' ? 'ascend' : 'descend') : null,
      render: (_, r) => <strong>{r.score?.toLocaleString('vi-VN') ?? '—'}</strong>,
    },
    { title: 'Xếp loại', dataIndex: 'band', width: 110 },
    { title: 'Thời gian', width: 110, render: (_, r) => formatDuration(r.secondsUsed) },
    {
      title: 'Nộp lúc',
      key: 'submitted',
      width: 150,
      sorter: true,
      sortOrder: sort.sort === 'submitted' ? (sort.order === 'asc' ? 'ascend' : 'descend') : null,
      render: (_, r) => formatDateTimeVi(r.submittedAt),
    },
  ];
  const handleChange = (pagination: TablePaginationConfig, _f: unknown, sorter: SorterResult<ResultRow> | SorterResult<ResultRow>[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    if (s?.columnKey && s.order) setSort({ sort: s.columnKey as ResultsQuery['sort'], order: s.order === 'ascend' ? 'asc' : 'desc' });
    else if (s && !s.order) setSort({ sort: 'name', order: 'asc' });
    if (pagination.current) setPage(pagination.current);
  };
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <UnitTreeSelect
          forest={forest}
          value={filters.unitId}
          onChange={(unitId) => set({ unitId })}
          placeholder="Mọi đơn vị"
          aria-label="Lọc theo đơn vị"
          style={{ width: 240 }}
        />
        <Select
          allowClear
          placeholder="Cấp học"
          aria-label="Lọc theo cấp học"
          style={{ width: 140 }}
          value={filters.schoolLevel}
          onChange={(schoolLevel) => set({ schoolLevel })}
          options={SCHOOL_LEVELS.map((l) => ({ value: l, label: SCHOOL_LEVEL_LABELS[l] }))}
        />
        <Select
          allowClear
          placeholder="Chức vụ"
          aria-label="Lọc theo chức vụ"
          style={{ width: 160 }}
          value={filters.position}
          onChange={(position) => set({ position })}
          options={POSITIONS.map((p) => ({ value: p, label: POSITION_LABELS[p] }))}
        />
        <Select
          allowClear
          placeholder="Đảng viên"
          aria-label="Lọc theo đảng viên"
          style={{ width: 130 }}
          value={filters.partyMember === undefined ? undefined : String(filters.partyMember)}
          onChange={(v) => set({ partyMember: v === undefined ? undefined : v === 'true' })}
          options={[
            { value: 'true', label: 'Đảng viên' },
            { value: 'false', label: 'Chưa là đảng viên' },
          ]}
        />
        <Select
          allowClear
          placeholder="Xếp loại"
          aria-label="Lọc theo xếp loại"
          style={{ width: 130 }}
          value={filters.band}
          onChange={(band) => set({ band })}
          options={detail.input.scoring.bands.map((b) => ({ value: b.label, label: b.label }))}
        />
        {detail.variants.length > 0 && (
          <Select
            allowClear
            placeholder="Mã đề"
            aria-label="Lọc theo mã đề"
            style={{ width: 110 }}
            value={filters.variant}
            onChange={(variant) => set({ variant })}
            options={detail.variants.map((v) => ({ value: v.code, label: v.code }))}
          />
        )}
        <Input.Search
          allowClear
          placeholder="Tìm theo tên (không dấu cũng được)"
          aria-label="Tìm theo tên"
          style={{ width: 260 }}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </Flex>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Table<ResultRow>
        rowKey="attemptId"
        size="small"
        columns={columns}
        dataSource={data.items}
        loading={loading}
        scroll={{ x: 1000 }}
        onChange={handleChange}
        onRow={(r) => ({ onClick: () => setOpen(r.attemptId), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data.total,
          showSizeChanger: false,
          showTotal: (t) => `${formatCount(t)} bài`,
        }}
      />
      <AttemptDrawer attemptId={open} onClose={() => setOpen(null)} />
    </>
  );
}
