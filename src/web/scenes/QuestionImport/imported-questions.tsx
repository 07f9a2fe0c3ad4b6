import { Checkbox, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { previewImageUrl, type ImportedQuestion, type QuestionImportPreview } from '../../api/banks.ts';
import { RichText } from '../../components/rich-text.tsx';
import { DifficultyTag, QuestionView } from '../Bank/question-view.tsx';
import { Thumbnails } from '../Bank/thumbnails.tsx';

interface Props {
  preview: QuestionImportPreview;
  selected: number[];
  withProblem: Set<number>;
  onSelect: (numbers: number[]) => void;
  onToggle: (number: number, checked: boolean) => void;
}

const picturesOf = (importId: number | null) => (q: ImportedQuestion, indexes: number[]) =>
  indexes.map((i) => previewImageUrl(importId ?? 0, q.number, i));

/** The questions read from the file as a table with row selection (desktop). */
export function ImportedQuestionsTable({ preview, selected, withProblem, onSelect }: Omit<Props, 'onToggle'>) {
  const pictures = picturesOf(preview.importId);
  const columns: TableColumnsType<ImportedQuestion> = [
    {
      title: 'Câu',
      dataIndex: 'number',
      key: 'number',
      width: 64,
      align: 'right',
      render: (n: number) => (withProblem.has(n) ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
    {
      title: 'Nội dung',
      dataIndex: 'stem',
      key: 'stem',
      width: 340,
      render: (stem: string, q) => (
        <>
          <RichText className="import-stem" blocks={q.stemRich} text={stem} />
          <Thumbnails srcs={pictures(q, q.stemImages)} owner={`câu ${q.number}`} />
          {q.difficulty && (
            <div style={{ marginTop: 4 }}>
              <DifficultyTag value={q.difficulty} />
            </div>
          )}
        </>
      ),
    },
    {
      title: 'Phương án',
      key: 'options',
      width: 320,
      render: (_v, q) => (
        <ul className="import-options">
          {q.options.map((o) => (
            <li key={o.letter} className={o.correct ? 'import-options__correct' : undefined}>
              <strong>{o.letter}.</strong> {o.text}
              {o.correct && (
                <Tag color="green" style={{ marginInlineStart: 6 }}>
                  Đáp án
                </Tag>
              )}
              {o.pinned && <Tag style={{ marginInlineStart: 6 }}>Cố định</Tag>}
              <Thumbnails srcs={pictures(q, o.images)} owner={`phương án ${o.letter} câu ${q.number}`} />
            </li>
          ))}
        </ul>
      ),
    },
    {
      title: 'Chuyên đề',
      dataIndex: 'topic',
      key: 'topic',
      width: 180,
      render: (t: string | null) => t ?? <span className="muted">Chưa có</span>,
    },
  ];
  return (
    <Table<ImportedQuestion>
      className="import-table"
      size="small"
      rowKey="number"
      columns={columns}
      dataSource={preview.questions}
      rowSelection={{
        selectedRowKeys: selected,
        onChange: (keys) => onSelect(keys as number[]),
        getTitleCheckboxProps: () => ({ 'aria-label': 'Chọn tất cả câu hỏi' }),
        getCheckboxProps: (q) => ({ 'aria-label': `Chọn câu ${q.number}` }),
      }}
      rowClassName={(q) => (withProblem.has(q.number) ? 'import-row--problem' : '')}
      pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
      scroll={{ x: 1000 }}
    />
  );
}

/** The same questions as a list of cards with a checkbox each (phone). */
export function ImportedQuestionsList({ preview, selected, withProblem, onSelect, onToggle }: Props) {
  const pictures = picturesOf(preview.importId);
  const all = preview.questions.length;
  return (
    <Flex vertical gap={0}>
      <Checkbox
        checked={selected.length === all}
        indeterminate={selected.length > 0 && selected.length < all}
        onChange={(e) => onSelect(e.target.checked ? preview.questions.map((q) => q.number) : [])}
      >
        Chọn tất cả câu hỏi
      </Checkbox>
      <ol className="question-list" aria-label="Câu hỏi trong tệp">
        {preview.questions.map((q) => (
          <li key={q.number} className={withProblem.has(q.number) ? 'question-list__item import-item--problem' : 'question-list__item'}>
            <QuestionView
              stem={q.stem}
              stemRich={q.stemRich}
              stemImages={pictures(q, q.stemImages)}
              options={q.options.map((o) => ({ ...o, images: pictures(q, o.images) }))}
              heading={
                <div className="question-list__meta">
                  <Checkbox checked={selected.includes(q.number)} onChange={(e) => onToggle(q.number, e.target.checked)}>
                    <strong>Chọn câu {q.number}</strong>
                  </Checkbox>
                  <span>
                    <Tag>{q.topic ?? 'Chưa có chuyên đề'}</Tag>
                    {q.difficulty && <DifficultyTag value={q.difficulty} />}
                  </span>
                </div>
              }
            />
          </li>
        ))}
      </ol>
    </Flex>
  );
}
