import { SearchOutlined } from '@ant-design/icons';
import { Input, Select } from 'antd';
import { DIFFICULTY_LABELS, type Difficulty } from '../../../domain/question-bank/types.ts';
import type { Topic } from '../../api/banks.ts';
import { formatCount } from '../../lib/format.ts';

interface Props {
  search: string;
  onSearch: (search: string) => void;
  topics: Topic[];
  topicId: number | undefined;
  onTopic: (id: number | undefined) => void;
  difficulty: Difficulty | undefined;
  onDifficulty: (difficulty: Difficulty | undefined) => void;
  tags: { tag: string; count: number }[];
  tag: string | undefined;
  onTag: (tag: string | undefined) => void;
  total: number;
}

/** Search (folded: typing without diacritics finds them), topic, level and tag, and how many questions match. */
export function QuestionFilters(props: Props) {
  const { search, onSearch, topics, topicId, onTopic, difficulty, onDifficulty, tags, tag, onTag, total } = props;
  return (
    <div className="filters bank-filters">
      <Input
        className="filters__search"
        allowClear
        prefix={<SearchOutlined />}
        value={search}
        onChange={(e) => onSearch(e.target.value)}
        placeholder="Tìm theo nội dung câu hỏi, phương án"
        aria-label="Tìm câu hỏi (gõ không dấu cũng được)"
      />
      <Select
        aria-label="Chuyên đề"
        placeholder="Chuyên đề: tất cả"
        allowClear
        value={topicId}
        onChange={onTopic}
        className="bank-filters__topic"
        showSearch={{ optionFilterProp: 'label' }}
        popupMatchSelectWidth={false}
        options={topics.map((t) => ({ value: t.id, label: t.name }))}
      />
      <Select
        aria-label="Mức độ"
        placeholder="Mức độ: tất cả"
        allowClear
        value={difficulty}
        onChange={onDifficulty}
        className="bank-filters__level"
        options={(Object.keys(DIFFICULTY_LABELS) as Difficulty[]).map((d) => ({ value: d, label: DIFFICULTY_LABELS[d] }))}
      />
      <Select
        aria-label="Nhãn"
        placeholder="Nhãn: tất cả"
        allowClear
        value={tag}
        onChange={onTag}
        className="bank-filters__tag"
        showSearch={{ optionFilterProp: 'label' }}
        popupMatchSelectWidth={false}
        notFoundContent="Chưa có nhãn nào"
        options={tags.map((t) => ({ value: t.tag, label: `${t.tag} (${formatCount(t.count)})` }))}
      />
      <span className="muted" aria-live="polite">
        {formatCount(total)} câu hỏi
      </span>
    </div>
  );
}
