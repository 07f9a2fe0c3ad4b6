import {
  BoldOutlined,
  DeleteColumnOutlined,
  DeleteOutlined,
  DeleteRowOutlined,
  InsertRowBelowOutlined,
  InsertRowRightOutlined,
  ItalicOutlined,
  TableOutlined,
  UnderlineOutlined,
} from '@ant-design/icons';
import { Button, Divider, Tooltip } from 'antd';
import { useEffect, useEffectEvent, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import type { RichBlock } from '../../../domain/question-bank/rich-text.ts';
import { cellAtCaret, changeTable, fillEditor, insertTable, readEditor, type TableAction } from './rich-dom.ts';

type Mark = 'bold' | 'italic' | 'underline';

const MARKS: { mark: Mark; label: string; keys: string; icon: ReactNode }[] = [
  { mark: 'bold', label: 'Đậm', keys: 'Ctrl+B', icon: <BoldOutlined /> },
  { mark: 'italic', label: 'Nghiêng', keys: 'Ctrl+I', icon: <ItalicOutlined /> },
  { mark: 'underline', label: 'Gạch chân', keys: 'Ctrl+U', icon: <UnderlineOutlined /> },
];

const TABLE_ACTIONS: { action: TableAction; label: string; icon: ReactNode; danger?: boolean }[] = [
  { action: 'addRow', label: 'Thêm dòng', icon: <InsertRowBelowOutlined /> },
  { action: 'addColumn', label: 'Thêm cột', icon: <InsertRowRightOutlined /> },
  { action: 'removeRow', label: 'Xóa dòng', icon: <DeleteRowOutlined /> },
  { action: 'removeColumn', label: 'Xóa cột', icon: <DeleteColumnOutlined /> },
  { action: 'removeTable', label: 'Xóa bảng', icon: <DeleteOutlined />, danger: true },
];

interface Props {
  id?: string;
  /** Read when the editor opens (or resetKey changes); afterwards the editor owns its content. */
  initial: RichBlock[];
  resetKey: unknown;
  onChange: (blocks: RichBlock[]) => void;
}

/**
 * The stem as it will look: select words and press Đậm / Nghiêng / Gạch chân (or Ctrl+B/I/U), insert a simple table
 * and edit it in place. Pasted text arrives without its formatting.
 */
export function RichStemInput({ id, initial, resetKey, onChange }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<Record<Mark, boolean>>({ bold: false, italic: false, underline: false });
  const [inTable, setInTable] = useState(false);
  const [empty, setEmpty] = useState(initial.length === 0);

  const read = () => {
    if (!ref.current) return;
    const blocks = readEditor(ref.current);
    setEmpty(blocks.length === 0 && !ref.current.querySelector('table'));
    onChange(blocks);
  };

  // Only a new question resets the content; later renders must not overwrite what is being typed, so the effect runs
  // on resetKey alone and reads the initial content of that render through an effect event.
  const fill = useEffectEvent(() => {
    if (!ref.current) return;
    fillEditor(ref.current, initial);
    setEmpty(initial.length === 0);
  });
  useEffect(() => fill(), [resetKey]);

  useEffect(() => {
    const update = () => {
      const root = ref.current;
      const node = document.getSelection()?.anchorNode ?? null;
      if (!root || !node || !root.contains(node)) return;
      setActive({
        bold: document.queryCommandState('bold'),
        italic: document.queryCommandState('italic'),
        underline: document.queryCommandState('underline'),
      });
      setInTable(cellAtCaret(root) !== null);
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, []);

  const format = (mark: Mark) => {
    ref.current?.focus();
    document.execCommand('styleWithCSS', false, 'false');
    document.execCommand(mark);
    read();
  };

  const table = (action: TableAction | 'insert') => {
    const root = ref.current;
    if (!root) return;
    if (action === 'insert') insertTable(root);
    else {
      const cell = cellAtCaret(root);
      if (!cell) return;
      changeTable(cell, action);
      root.focus();
    }
    setInTable(cellAtCaret(root) !== null);
    read();
  };

  // Buttons keep the selection in the editor: pressing them must not move the focus.
  const keep = (event: MouseEvent) => event.preventDefault();

  return (
    <div className="rich-editor">
      <div className="rich-editor__toolbar" role="toolbar" aria-label="Định dạng nội dung câu hỏi">
        {MARKS.map(({ mark, label, keys, icon }) => (
          <Tooltip key={mark} title={`${label} (${keys})`}>
            <Button
              size="small"
              type={active[mark] ? 'primary' : 'text'}
              ghost={active[mark]}
              icon={icon}
              aria-label={label}
              aria-pressed={active[mark]}
              onMouseDown={keep}
              onClick={() => format(mark)}
            />
          </Tooltip>
        ))}
        <Divider orientation="vertical" />
        <Button size="small" type="text" icon={<TableOutlined />} onMouseDown={keep} onClick={() => table('insert')}>
          Chèn bảng
        </Button>
        {inTable && <span className="rich-editor__hint">Bảng:</span>}
        {inTable
          && TABLE_ACTIONS.map(({ action, label, icon, danger }) => (
            <Tooltip key={action} title={label}>
              <Button
                size="small"
                type="text"
                danger={danger}
                icon={icon}
                aria-label={label}
                onMouseDown={keep}
                onClick={() => table(action)}
              />
            </Tooltip>
          ))}
      </div>
      <div
        ref={ref}
        id={id}
        className="rich-editor__content"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-label="Nội dung câu hỏi"
        data-empty={empty || undefined}
        data-placeholder="Nhập nội dung câu hỏi…"
        onInput={read}
        onPaste={(event) => {
          event.preventDefault();
          document.execCommand('insertText', false, event.clipboardData.getData('text/plain'));
        }}
        onDrop={(event) => event.preventDefault()}
      />
    </div>
  );
}
