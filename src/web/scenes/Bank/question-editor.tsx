import { Alert, App, Button, Divider, Drawer, Flex, Form, Skeleton, Typography } from 'antd';
import type { Topic } from '../../api/banks.ts';
import { useIsPhone } from '../../hooks/useIsPhone.ts';
import { EditorMetaFields } from './editor-meta-fields.tsx';
import { EditorOptions } from './editor-options.tsx';
import { EditorVersions } from './editor-versions.tsx';
import { ImageUploadButton } from './image-upload-button.tsx';
import { previewOf } from './question-draft.ts';
import { QuestionView } from './question-view.tsx';
import { RichStemInput } from './rich-stem-input.tsx';
import { Thumbnails } from './thumbnails.tsx';
import { useQuestionDraft } from './use-question-draft.ts';

interface Props {
  questionId: number | null;
  topics: Topic[];
  onClose: () => void;
  onSaved: () => void;
}

/** The question editor drawer: the form on the left; the preview and the version history on the right. */
export function QuestionEditor({ questionId, topics, onClose, onSaved }: Props) {
  const { message, modal } = App.useApp();
  const isPhone = useIsPhone();
  const { detail, loadError, initialStem, draft, dispatch, bankTags, saving, saveError, save } = useQuestionDraft(questionId);

  const handleSave = async () => {
    const result = await save();
    if (!result) return;
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
  };

  const preview = previewOf(draft);
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
            <Button type="primary" loading={saving} disabled={!detail} onClick={() => void handleSave()}>
              Lưu câu hỏi
            </Button>
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
                <RichStemInput
                  id="question-stem"
                  initial={initialStem}
                  resetKey={detail}
                  onChange={(stem) => dispatch({ type: 'stem', stem })}
                />
              </Form.Item>
              <Flex gap={8} align="center" wrap className="question-editor__stem-images">
                <Thumbnails
                  srcs={draft.stemImages.map((i) => i.src)}
                  owner="câu hỏi"
                  onRemove={(index) => dispatch({ type: 'removeStemImage', index })}
                />
                <ImageUploadButton
                  bankId={detail.bankId}
                  owner="câu hỏi"
                  label="Thêm ảnh"
                  onUploaded={(image) => dispatch({ type: 'addStemImage', image })}
                />
              </Flex>
              <EditorOptions bankId={detail.bankId} draft={draft} dispatch={dispatch} />
              <EditorMetaFields draft={draft} dispatch={dispatch} topics={topics} bankTags={bankTags} />
            </Form>
          </div>
          <div className="question-editor__side">
            <div className="question-editor__preview" aria-label="Xem trước câu hỏi" role="region">
              <Typography.Text type="secondary" strong>
                Xem trước
              </Typography.Text>
              <QuestionView {...preview} />
            </div>
            <Divider style={{ margin: '16px 0 12px' }} />
            <EditorVersions detail={detail} />
          </div>
        </div>
      )}
    </Drawer>
  );
}
