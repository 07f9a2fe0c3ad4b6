import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { fold } from '../../domain/text.ts';
import { ancestorIds, unitSelectOptions, type UnitForest, type UnitNode } from '../lib/unit-tree.ts';

interface Props {
  forest: UnitForest;
  value?: number | null;
  onChange?: (value: number) => void;
  /** Units that cannot be chosen (still shown, greyed). */
  disabled?: (unit: UnitNode) => boolean;
  /** A subtree left out entirely. */
  exclude?: number;
  placeholder?: string;
  id?: string;
  'aria-label'?: string;
  style?: React.CSSProperties;
}

/** Picks a unit from the tree; typing filters by name, diacritics ignored. */
export function UnitTreeSelect({ forest, value, onChange, disabled, exclude, placeholder = 'Chọn đơn vị', id, style, ...rest }: Props) {
  const treeData = useMemo(() => unitSelectOptions(forest, { exclude, disabled }), [forest, exclude, disabled]);
  const expanded = useMemo(() => {
    const open = forest.roots.map((r) => r.id);
    if (value) open.push(...ancestorIds(forest, value).slice(1));
    return open;
  }, [forest, value]);
  return (
    <TreeSelect
      id={id}
      aria-label={rest['aria-label']}
      showSearch={{
        filterTreeNode: (input, node) => fold(String((node as { title?: unknown }).title ?? '')).includes(fold(input)),
      }}
      treeData={treeData}
      value={value ?? undefined}
      onChange={(v: number) => onChange?.(v)}
      placeholder={placeholder}
      treeDefaultExpandedKeys={expanded}
      treeNodeLabelProp="title"
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, minWidth: 320 } } }}
      style={{ width: '100%', ...style }}
      notFoundContent="Không có đơn vị nào khớp"
    />
  );
}
