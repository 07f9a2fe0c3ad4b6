import { PictureOutlined } from '@ant-design/icons';
import { App, Button, Tooltip, Upload } from 'antd';
import { banksApi } from '../../api/banks.ts';
import { useAction } from '../../hooks/useAction.ts';

export interface EditorImage {
  id: number;
  /** A stored image's address, or a local object URL for one just uploaded. */
  src: string;
}

const MAX_BYTES = 2 * 1024 * 1024;

/** Uploads a PNG, JPEG, GIF or WebP picture (≤ 2 MB, checked again by the server from its bytes) into the bank. */
export function ImageUploadButton({
  bankId,
  owner,
  label,
  onUploaded,
}: {
  bankId: number;
  owner: string;
  label?: string;
  onUploaded: (image: EditorImage) => void;
}) {
  const { message } = App.useApp();
  const { run, pending: busy } = useAction();

  const upload = async (file: File) => {
    if (file.size > MAX_BYTES) {
      message.error(`Ảnh "${file.name}" lớn hơn 2 MB. Hãy thu nhỏ ảnh rồi tải lên lại.`);
      return;
    }
    await run(async () => {
      const { id } = await banksApi.uploadImage(bankId, file);
      onUploaded({ id, src: URL.createObjectURL(file) });
    });
  };

  return (
    <Upload
      accept="image/png,image/jpeg,image/gif,image/webp"
      showUploadList={false}
      multiple={false}
      beforeUpload={(file) => {
        void upload(file);
        return false;
      }}
    >
      <Tooltip title={label ? undefined : `Thêm ảnh cho ${owner}`}>
        <Button size="small" icon={<PictureOutlined />} loading={busy} aria-label={`Thêm ảnh cho ${owner}`}>
          {label}
        </Button>
      </Tooltip>
    </Upload>
  );
}
