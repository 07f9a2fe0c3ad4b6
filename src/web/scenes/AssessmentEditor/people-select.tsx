import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { peopleApi } from '../../api/people.ts';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';

interface Option {
  value: number;
  label: string;
}

/** Picks people by name (diacritics ignored) among those the user may read; keeps the labels of those already chosen. */
export function PeopleSelect({ value, onChange, initial }: { value?: number[]; onChange?: (ids: number[]) => void; initial: Option[] }) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const [options, setOptions] = useState<Option[]>(initial);
  const [known, setKnown] = useState<Map<number, string>>(() => new Map(initial.map((o) => [o.value, o.label])));
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!q) return;
    let live = true;
    setLoading(true);
    peopleApi
      .list({ q, page: 1, pageSize: 20 })
      .then((page) => {
        if (!live) return;
        const found = page.items.map((p) => ({ value: p.id, label: `${p.fullName} — ${p.unitName}` }));
        setOptions(found);
        setKnown((prev) => new Map([...prev, ...found.map((o) => [o.value, o.label] as const)]));
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [q]);

  const chosen = (value ?? []).map((id) => ({ value: id, label: known.get(id) ?? `#${id}` }));
  const merged = [...chosen, ...options.filter((o) => !(value ?? []).includes(o.value))];
  return (
    <Select
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={onChange}
      options={merged}
      placeholder="Gõ tên để tìm người (không dấu cũng được)"
      aria-label="Danh sách người làm bài"
      notFoundContent={loading ? <Spin size="small" /> : q ? 'Không tìm thấy' : 'Gõ tên để tìm'}
      style={{ width: '100%' }}
    />
  );
}
