import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert, App, Button, Checkbox, Divider, Drawer, Flex, Form, Input, Radio, Select, Skeleton, Timeline, Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { blocksOfPlainText, richPlainText, type RichBlock } from '../../../domain/question-bank/rich-text.ts';
import { DIFFICULTY_LABELS, type Difficulty } from '../../../domain/question-bank/types.ts';
import { banksApi, questionImageUrl, type QuestionDetail, type Topic } from '../../api/banks.ts';
import { errorMessage } from '../../api/client.ts';
import { useIsPhone } from '../../hooks/useIsPhone.ts';
import { formatDateTimeVi } from '../../lib/format.ts';
import { ImageUploadButton, type EditorImage } from './image-upload-button.tsx';
import { QuestionView } from './question-view.tsx';
import { RichStemInput } from './rich-stem-input.tsx';
import { Thumbnails } from './thumbnails.tsx';

const LETTERS = 'ABCDEFGH';
const MIN_OPTIONS = 2;
const MAX_OPTIONS = 8;

interface DraftOption { key: number; text: string; pinned: boolean; images: EditorImage[] }

interface Props {
  questionId: number | null;
  topics: Topic[];
  onClose: () => void;
  onSaved: () => void;
}

const stored = (questionId: number, ids: number[]): EditorImage[] => ids.map((id) => ({ id, src: questionImageUrl(questionId, id) }));

export function QuestionEditor({ questionId, topics, onClose, onSaved }: Props) {
  const { message, modal } = App.useApp();
  const isPhone = useIsPhone();
  const [detail, setDetail] = useState<QuestionDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [initialStem, setInitialStem] = useState<RichBlock[]>([]);
  const [stem, setStem] = useState<RichBlock[]>([]);
  const [stemImages, setStemImages] = useState<EditorImage[]>([]);
  const [options, setOptions] = useState<DraftOption[]>([]);
  const [correct, setCorrect] = useState<number>(-1);
  const [topicId, setTopicId] = useState<number | null>(null);
  const [difficulty, setDifficulty] = useState<Difficulty | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [source, setSource] = useState('');
  const [bankTags, setBankTags] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [nextKey, setNextKey] = useState(100);

  useEffect(() => {
    if (questionId === null) return;
    let live = true;
    setDetail(null);
    setLoadError(null);
    setSaveError(null);
    banksApi.question(questionId).then((q) => {
      if (!live) return;
      const blocks = q.stemRich ?? blocksOfPlainText(q.stem);
      setDetail(q);
      setInitialStem(blocks);
      setStem(blocks);
      setStemImages(stored(q.id, q.stemImages));
      setOptions(q.options.map((o, i) => ({ key: i, text: o.text, pinned: o.pinned, images: stored(q.id, o.images) })));
      setCorrect(q.options.findIndex((o) => o.correct));
      setTopicId(q.topicId);
      setDifficulty(q.difficulty);
      setTags(q.tags);
      setSource(q.source ?? '');
      banksApi.tags(q.bankId).then((items) => live && setBankTags(items.map((t) => t.tag))).catch(() => undefined);
    }).catch((err: unknown) => live && setLoadError(errorMessage(err)));
    return () => { live = false; };
  }, [questionId]);

  const setOption = (index: number, change: Partial<DraftOption>) =>
    setOptions((prev) => prev.map((o, i) => (i === index ? { ...o, ...change } : o)));

  const addOption = () => {
    setOptions((prev) => [...prev, { key: nextKey, text: '', pinned: false, images: [] }]);
    setNextKey((k) => k + 1);
  };

  const removeOption = (index: number) => {
    setOptions((prev) => prev.filter((_, i) => i !== index));
    setCorrect((c) => (c === index ? -1 : c > index ? c - 1 : c));
  };

  const save = async () => {
    if (questionId === null) return;
    setSaving(true);
    setSaveError(null);
    try {
      const result = await banksApi.editQuestion(questionId, {
        stemRich: stem, stemImages: stemImages.map((i) => i.id), topicId, difficulty, tags, source: source.trim() || null,
        options: options.map((o, i) => ({ text: o.text, pinned: o.pinned, correct: i === correct, images: o.images.map((img) => img.id) })),
      });
      if (result.newVersion) {
        modal.info({
          title: `Đã tạo phiên bản ${result.version}`,
          content: `Đã tạo phiên bản ${result.version} vì câu hỏi đã được dùng trong bài khảo sát. Kết quả cũ vẫn giữ theo phiên bản trước.`,
          okText: 'Đã hiểu',
        });
      } else {
        message.success('Đã lưu câu hỏi.');
      }
      onSaved();
    } catch (err) {
      setSaveError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const preview = (
    <div className="question-editor__preview" aria-label="Xem trước câu hỏi" role="region">
      <Typography.Text type="secondary" strong>Xem trước</Typography.Text>
      <QuestionView stem={richPlainText(stem)} stemRich={stem} stemImages={stemImages.map((i) => i.src)}
        options={options.map((o, i) => ({ letter: LETTERS[i], text: o.text, pinned: o.pinned, correct: i === correct,
          images: o.images.map((img) => img.src) }))} />
    </div>
  );

  return (
    <Drawer
      open={questionId !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 1040}
      title={detail ? `Sửa câu hỏi (phiên bản ${detail.version})` : 'Sửa câu hỏi'}
      destroyOnHidden
      footer={
        <>
        {saveError && <Alert type="error" showIcon title={saveError} role="alert" style={{ marginBottom: 8 }} />}
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>Hủy</Button>
          <Button type="primary" loading={saving} disabled={!detail} onClick={() => void save()}>Lưu câu hỏi</Button>
        </Flex>
        </>
      }
    >
      {loadError && <Alert type="error" showIcon title={loadError} role="alert" />}
      {!detail && !loadError && <Skeleton active paragraph={{ rows: 8 }} />}
      {detail && (
        <div className="question-editor">
          <div className="question-editor__form">
            <Form layout="vertical" component="div">
              <Form.Item label="Nội dung câu hỏi" htmlFor="question-stem" style={{ marginBottom: 8 }}>
                <RichStemInput id="question-stem" initial={initialStem} resetKey={detail} onChange={setStem} />
              </Form.Item>
              <Flex gap={8} align="center" wrap className="question-editor__stem-images">
                <Thumbnails srcs={stemImages.map((i) => i.src)} owner="câu hỏi"
                  onRemove={(index) => setStemImages((prev) => prev.filter((_, i) => i !== index))} />
                <ImageUploadButton bankId={detail.bankId} owner="câu hỏi" label="Thêm ảnh"
                  onUploaded={(image) => setStemImages((prev) => [...prev, image])} />
              </Flex>
              <fieldset className="question-editor__options">
                <legend>Phương án <span className="muted">(chọn nút tròn ở phương án đúng)</span></legend>
                <Radio.Group value={correct} onChange={(e) => setCorrect(e.target.value as number)} style={{ width: '100%' }}>
                  {options.map((o, i) => (
                    <div key={o.key} className="option-row">
                      <Radio value={i} aria-label={`Đáp án đúng là ${LETTERS[i]}`}>
                        <strong>{LETTERS[i]}</strong>
                      </Radio>
                      <div className="option-row__body">
                        <Input.TextArea value={o.text} aria-label={`Phương án ${LETTERS[i]}`} maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }}
                          onChange={(e) => setOption(i, { text: e.target.value })} />
                        <Thumbnails srcs={o.images.map((img) => img.src)} owner={`phương án ${LETTERS[i]}`}
                          onRemove={(index) => setOption(i, { images: o.images.filter((_, k) => k !== index) })} />
                      </div>
                      <Checkbox checked={o.pinned} onChange={(e) => setOption(i, { pinned: e.target.checked })}
                        aria-label={`Cố định phương án ${LETTERS[i]}`}>
                        Cố định
                      </Checkbox>
                      <span className="option-row__actions">
                        <ImageUploadButton bankId={detail.bankId} owner={`phương án ${LETTERS[i]}`}
                          onUploaded={(image) => setOption(i, { images: [...o.images, image] })} />
                        <Button type="text" danger icon={<DeleteOutlined />} aria-label={`Xóa phương án ${LETTERS[i]}`}
                          disabled={options.length <= MIN_OPTIONS} onClick={() => removeOption(i)} />
                      </span>
                    </div>
                  ))}
                </Radio.Group>
                <Button icon={<PlusOutlined />} onClick={addOption} disabled={options.length >= MAX_OPTIONS} style={{ marginTop: 4 }}>
                  Thêm phương án
                </Button>
                <div className="muted" style={{ fontSize: 12, marginTop: 4 }}>
                  Từ {MIN_OPTIONS} đến {MAX_OPTIONS} phương án. Phương án “Cố định” giữ nguyên vị trí khi trộn (ví dụ “Cả A, B, C đều đúng”).
                  Ảnh PNG, JPEG, GIF hoặc WebP, tối đa 2 MB.
                </div>
              </fieldset>
              <Flex gap={12} wrap style={{ marginTop: 16 }}>
                <Form.Item label="Chuyên đề" htmlFor="question-topic" style={{ flex: '1 1 240px', marginBottom: 8 }}>
                  <Select id="question-topic" aria-label="Chuyên đề" value={topicId ?? undefined} allowClear placeholder="Chưa có chuyên đề"
                    onChange={(v: number | undefined) => setTopicId(v ?? null)} showSearch={{ optionFilterProp: 'label' }}
                    options={topics.map((t) => ({ value: t.id, label: t.name }))} />
                </Form.Item>
                <Form.Item label="Mức độ" htmlFor="question-difficulty" style={{ flex: '1 1 180px', marginBottom: 8 }}>
                  <Select id="question-difficulty" aria-label="Mức độ" value={difficulty ?? undefined} allowClear placeholder="Chưa phân mức độ"
                    onChange={(v: Difficulty | undefined) => setDifficulty(v ?? null)}
                    options={(Object.keys(DIFFICULTY_LABELS) as Difficulty[]).map((d) => ({ value: d, label: DIFFICULTY_LABELS[d] }))} />
                </Form.Item>
              </Flex>
              <Form.Item label="Nhãn" htmlFor="question-tags" style={{ marginBottom: 8 }}
                extra="Gõ nhãn rồi bấm Enter, ví dụ “Luật Nhà giáo”, “ôn tập 2026”. Dùng để lọc câu hỏi.">
                <Select id="question-tags" aria-label="Nhãn" mode="tags" value={tags} onChange={(v: string[]) => setTags(v)}
                  placeholder="Thêm nhãn" tokenSeparators={[',', ';']} maxCount={20}
                  options={bankTags.map((t) => ({ value: t, label: t }))} />
              </Form.Item>
              <Form.Item label="Nguồn" htmlFor="question-source" style={{ marginBottom: 8 }}>
                <Input id="question-source" value={source} maxLength={200} onChange={(e) => setSource(e.target.value)}
                  placeholder="Ví dụ: Đề cương ôn tập của Sở, 2026" />
              </Form.Item>
            </Form>
          </div>
          <div className="question-editor__side">
            {preview}
            <Divider style={{ margin: '16px 0 12px' }} />
            <Typography.Text type="secondary" strong>Lịch sử phiên bản</Typography.Text>
            <Timeline style={{ marginTop: 12 }} items={[...detail.versions].reverse().map((v) => ({
              color: v.version === detail.version ? 'green' : 'gray',
              content: (
                <div>
                  <strong>Phiên bản {v.version}</strong>{v.version === detail.version && ' (hiện tại)'}
                  <div className="muted" style={{ fontSize: 12 }}>
                    {formatDateTimeVi(v.createdAt)}{v.createdBy ? ` · ${v.createdBy}` : ''}
                  </div>
                  {v.usedBy.length > 0 && (
                    <div style={{ fontSize: 12 }}>Dùng trong: {v.usedBy.map((a) => a.title).join('; ')}</div>
                  )}
                </div>
              ),
            }))} />
          </div>
        </div>
      )}
    </Drawer>
  );
}
