import { EditOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton, Tooltip } from 'antd';
import type { DifficultyCounts, Topic } from '../../api/banks.ts';
import { formatCount } from '../../lib/format.ts';

function Levels({ counts }: { counts: DifficultyCounts }) {
  return (
    <span className="topic-item__levels">
      NB {counts.recognition} · TH {counts.comprehension} · VD {counts.application}
      {counts.unrated > 0 && ` · chưa phân ${counts.unrated}`}
    </span>
  );
}

function Total({ counts }: { counts: DifficultyCounts }) {
  return (
    <span className="topic-counts__total" title={`${formatCount(counts.total)} câu hỏi`}>
      {formatCount(counts.total)}
    </span>
  );
}

interface Props {
  topics: Topic[];
  withoutTopic: DifficultyCounts | null;
  loading: boolean;
  selectedId: number | undefined;
  onSelect: (id: number | undefined) => void;
  onAdd: () => void;
  onEdit: (topic: Topic) => void;
}

/** The bank's topics with their counts by level; clicking one filters the questions. */
export function TopicsPanel({ topics, withoutTopic, loading, selectedId, onSelect, onAdd, onEdit }: Props) {
  const all = topics.reduce((n, t) => n + t.counts.total, withoutTopic?.total ?? 0);
  return (
    <Card
      size="small"
      title="Chuyên đề"
      className="topics-panel"
      extra={
        <Button size="small" type="link" icon={<PlusOutlined />} onClick={onAdd}>
          Thêm chuyên đề
        </Button>
      }
    >
      <div className="topics-panel__legend muted">NB: nhận biết · TH: thông hiểu · VD: vận dụng</div>
      {loading && topics.length === 0 ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <ul className="topic-list" aria-label="Chuyên đề">
          <li>
            <button
              type="button"
              className={selectedId === undefined ? 'topic-item topic-item--active' : 'topic-item'}
              aria-pressed={selectedId === undefined}
              onClick={() => onSelect(undefined)}
            >
              <span className="topic-item__name">Tất cả chuyên đề</span>
              <span className="topic-counts__total">{formatCount(all)}</span>
            </button>
          </li>
          {topics.map((t) => (
            <li key={t.id}>
              <div className="topic-row">
                <button
                  type="button"
                  className={selectedId === t.id ? 'topic-item topic-item--active' : 'topic-item'}
                  aria-pressed={selectedId === t.id}
                  onClick={() => onSelect(t.id)}
                >
                  <span className="topic-item__body">
                    <span className="topic-item__name">{t.name}</span>
                    <Levels counts={t.counts} />
                  </span>
                  <Total counts={t.counts} />
                </button>
                <Tooltip title="Sửa chuyên đề">
                  <Button
                    size="small"
                    type="text"
                    icon={<EditOutlined />}
                    className="topic-row__edit"
                    aria-label={`Sửa chuyên đề ${t.name}`}
                    onClick={() => onEdit(t)}
                  />
                </Tooltip>
              </div>
              {t.materialUrl && (
                <a className="topic-item__material" href={t.materialUrl} target="_blank" rel="noreferrer">
                  <LinkOutlined /> Tài liệu
                </a>
              )}
            </li>
          ))}
          {withoutTopic && withoutTopic.total > 0 && (
            <li>
              <div className="topic-item topic-item--static">
                <span className="topic-item__body">
                  <span className="topic-item__name muted">Chưa có chuyên đề</span>
                  <Levels counts={withoutTopic} />
                </span>
                <Total counts={withoutTopic} />
              </div>
            </li>
          )}
        </ul>
      )}
    </Card>
  );
}
