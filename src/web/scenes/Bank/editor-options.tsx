import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Radio } from 'antd';
import type { Dispatch } from 'react';
import { ImageUploadButton } from './image-upload-button.tsx';
import {
  canAddOption,
  canRemoveOption,
  LETTERS,
  MAX_OPTIONS,
  MIN_OPTIONS,
  type DraftAction,
  type QuestionDraft,
} from './question-draft.ts';
import { Thumbnails } from './thumbnails.tsx';

interface Props {
  bankId: number;
  draft: QuestionDraft;
  dispatch: Dispatch<DraftAction>;
}

/** The options A–H: text, pictures, pinned, the radio of the correct one; add and remove within 2–8. */
export function EditorOptions({ bankId, draft, dispatch }: Props) {
  const { options, correct } = draft;
  const removable = canRemoveOption(draft);
  return (
    <fieldset className="question-editor__options">
      <legend>
        Phương án <span className="muted">(chọn nút tròn ở phương án đúng)</span>
      </legend>
      <Radio.Group
        value={correct}
        onChange={(e) => dispatch({ type: 'correct', index: e.target.value as number })}
        style={{ width: '100%' }}
      >
        {options.map((o, i) => (
          <div key={o.key} className="option-row">
            <Radio value={i} aria-label={`Đáp án đúng là ${LETTERS[i]}`}>
              <strong>{LETTERS[i]}</strong>
            </Radio>
            <div className="option-row__body">
              <Input.TextArea
                value={o.text}
                aria-label={`Phương án ${LETTERS[i]}`}
                maxLength={2000}
                autoSize={{ minRows: 1, maxRows: 4 }}
                onChange={(e) => dispatch({ type: 'option', index: i, change: { text: e.target.value } })}
              />
              <Thumbnails
                srcs={o.images.map((img) => img.src)}
                owner={`phương án ${LETTERS[i]}`}
                onRemove={(index) => dispatch({ type: 'option', index: i, change: { images: o.images.filter((_, k) => k !== index) } })}
              />
            </div>
            <Checkbox
              checked={o.pinned}
              onChange={(e) => dispatch({ type: 'option', index: i, change: { pinned: e.target.checked } })}
              aria-label={`Cố định phương án ${LETTERS[i]}`}
            >
              Cố định
            </Checkbox>
            <span className="option-row__actions">
              <ImageUploadButton
                bankId={bankId}
                owner={`phương án ${LETTERS[i]}`}
                onUploaded={(image) => dispatch({ type: 'option', index: i, change: { images: [...o.images, image] } })}
              />
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={`Xóa phương án ${LETTERS[i]}`}
                disabled={!removable}
                onClick={() => dispatch({ type: 'removeOption', index: i })}
              />
            </span>
          </div>
        ))}
      </Radio.Group>
      <Button
        icon={<PlusOutlined />}
        onClick={() => dispatch({ type: 'addOption' })}
        disabled={!canAddOption(draft)}
        style={{ marginTop: 4 }}
      >
        Thêm phương án
      </Button>
      <div className="muted" style={{ fontSize: 12, marginTop: 4 }}>
        Từ {MIN_OPTIONS} đến {MAX_OPTIONS} phương án. Phương án “Cố định” giữ nguyên vị trí khi trộn (ví dụ “Cả A, B, C đều đúng”). Ảnh PNG,
        JPEG, GIF hoặc WebP, tối đa 2 MB.
      </div>
    </fieldset>
  );
}
