import { CloudUploadOutlined, DeleteOutlined, EditOutlined, TagOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Pagination, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import { questionImageUrl, type QuestionPage, type QuestionRow } from '../../api/banks.ts';
import { formatCount } from '../../lib/format.ts';
import { DifficultyTag, QuestionView } from './question-view.tsx';
import { questionNumber } from './use-question-list.ts';

interface Props {
  questions: QuestionPage;
  loading: boolean;
  error: string | null;
  filtered: boolean;
  onImport: () => void;
  onEdit: (id: number) => void;
  onDelete: (id: number) => Promise<void>;
  onPage: (page: number) => void;
}

function QuestionItem({ item, number, onEdit, onDelete }: { item: QuestionRow; number: number } & Pick<Props, 'onEdit' | 'onDelete'>) {
  return (
    <li className="question-list__item" aria-label={`Câu ${number}`}>
      <QuestionView
        stem={item.stem}
        stemRich={item.stemRich}
        stemImages={item.stemImages.map((id) => questionImageUrl(item.id, id))}
        options={item.options.map((o) => ({ ...o, images: o.images.map((id) => questionImageUrl(item.id, id)) }))}
        heading={
          <div className="question-list__meta">
            <Typography.Text strong>Câu {number}</Typography.Text>
            <Space size={[4, 4]} wrap>
              <Tag>{item.topic ?? 'Chưa có chuyên đề'}</Tag>
              <DifficultyTag value={item.difficulty} />
              <Tag bordered={false}>Phiên bản {item.version}</Tag>
              {item.tags.map((t) => (
                <Tag key={t} color="cyan" icon={<TagOutlined />} className="question-tag">
                  {t}
                </Tag>
              ))}
            </Space>
          </div>
        }
        footer={
          <Space className="question-list__actions" wrap>
            <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(item.id)} aria-label={`Sửa câu ${number}`}>
              Sửa
            </Button>
            <Popconfirm
              title="Xóa câu hỏi này?"
              description="Bài khảo sát đã dùng câu hỏi vẫn giữ nguyên kết quả."
              okText="Xóa"
              okButtonProps={{ danger: true }}
              cancelText="Hủy"
              onConfirm={() => onDelete(item.id)}
            >
              <Button size="small" danger icon={<DeleteOutlined />} aria-label={`Xóa câu ${number}`}>
                Xóa
              </Button>
            </Popconfirm>
            {item.source && <span className="muted question-list__source">Nguồn: {item.source}</span>}
          </Space>
        }
      />
    </li>
  );
}

/** One page of questions, numbered across pages, with edit and delete on each; empty and error states. */
export function QuestionList({ questions, loading, error, filtered, onImport, onEdit, onDelete, onPage }: Props) {
  return (
    <>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      {loading && questions.items.length === 0 && <Skeleton active paragraph={{ rows: 6 }} />}
      {!loading && questions.items.length === 0 && !error && (
        <Empty description={filtered ? 'Không có câu hỏi nào khớp bộ lọc.' : 'Ngân hàng chưa có câu hỏi nào.'}>
          {!filtered && (
            <Button type="primary" icon={<CloudUploadOutlined />} onClick={onImport}>
              Nhập câu hỏi từ tệp
            </Button>
          )}
        </Empty>
      )}
      <ol className="question-list" aria-label="Câu hỏi" aria-busy={loading} start={questionNumber(questions, 0)}>
        {questions.items.map((item, i) => (
          <QuestionItem key={item.id} item={item} number={questionNumber(questions, i)} onEdit={onEdit} onDelete={onDelete} />
        ))}
      </ol>
      {questions.total > questions.pageSize && (
        <Pagination
          align="end"
          current={questions.page}
          pageSize={questions.pageSize}
          total={questions.total}
          showSizeChanger={false}
          onChange={onPage}
          showTotal={(t) => `${formatCount(t)} câu`}
          style={{ marginTop: 16 }}
        />
      )}
    </>
  );
}
