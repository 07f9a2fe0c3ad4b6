import { SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Skeleton, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { formatCount } from '../../lib/format.ts';
import { ancestorIds, matchingIds, type UnitForest, type UnitNode } from '../../lib/unit-tree.ts';

interface Props {
  forest: UnitForest;
  loading: boolean;
  selectedId: number | undefined;
  onSelect: (unitId: number) => void;
  /** Height of the scrolling tree area. */
  maxHeight: string;
}

type UnitDataNode = TreeDataNode & { 'aria-label': string };

function UnitTitle({ unit, highlight }: { unit: UnitNode; highlight: boolean }) {
  return (
    <span className="unit-tree__title" title={unit.name}>
      <span
        className={unit.active ? 'unit-tree__name' : 'unit-tree__name unit-tree__name--inactive'}
        style={highlight ? { fontWeight: 600 } : undefined}
      >
        {unit.name}
        {unit.active ? '' : ' (ngừng hoạt động)'}
      </span>{' '}
      <span className="unit-tree__count" aria-hidden="true">
        {formatCount(unit.totalPeople)}
      </span>
    </span>
  );
}

/** The unit tree with a diacritics-insensitive name filter and each subtree's number of active people. */
export function UnitTreePanel({ forest, loading, selectedId, onSelect, maxHeight }: Props) {
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<number[]>([]);
  const filter = useMemo(() => matchingIds(forest, query), [forest, query]);

  // Open the roots and the way down to the selected unit whenever the tree or the selection changes.
  useEffect(() => {
    if (!forest.roots.length) return;
    const path = selectedId ? ancestorIds(forest, selectedId).slice(1) : [];
    setExpanded((current) => [...new Set([...current, ...forest.roots.map((r) => r.id), ...path])]);
  }, [forest, selectedId]);

  const treeData = useMemo(() => {
    const toNode = (unit: UnitNode): UnitDataNode | null => {
      if (filter && !filter.visible.has(unit.id)) return null;
      const children = unit.children.map(toNode).filter((c): c is UnitDataNode => c !== null);
      return {
        key: unit.id,
        title: <UnitTitle unit={unit} highlight={Boolean(filter?.matches.has(unit.id))} />,
        // The name and the count as shown, so the name said contains the text seen (WCAG 2.5.3).
        'aria-label': `${unit.name}${unit.active ? '' : ' (ngừng hoạt động)'} ${formatCount(unit.totalPeople)} người`,
        children: children.length ? children : undefined,
        isLeaf: children.length === 0,
      };
    };
    return forest.roots.map(toNode).filter((c): c is UnitDataNode => c !== null);
  }, [forest, filter]);

  const expandedKeys = filter ? [...filter.visible] : expanded;

  return (
    <div>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder="Tìm đơn vị"
        aria-label="Tìm đơn vị"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        style={{ marginBottom: 8 }}
      />
      <div style={{ maxHeight, overflow: 'auto', marginInline: -4 }}>
        {loading && !treeData.length ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
        {!loading && !treeData.length ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={query ? 'Không có đơn vị nào khớp' : 'Chưa có đơn vị nào'} />
        ) : null}
        {treeData.length > 0 && (
          <Tree
            className="unit-tree"
            aria-label="Cây đơn vị"
            blockNode
            showLine={{ showLeafIcon: false }}
            treeData={treeData}
            selectedKeys={selectedId ? [selectedId] : []}
            expandedKeys={expandedKeys}
            onExpand={(keys) => {
              if (!filter) setExpanded(keys.map(Number));
            }}
            onSelect={(keys, info) => {
              const key = keys[0] ?? info.node.key;
              onSelect(Number(key));
            }}
            virtual={false}
          />
        )}
      </div>
    </div>
  );
}
