import { CloseOutlined, PictureOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';

/** One picture; a type the browser cannot show (EMF, WMF, TIFF from Word) becomes a labelled placeholder. */
export function Thumbnail({ src, alt, large }: { src: string; alt: string; large?: boolean }) {
  const [broken, setBroken] = useState(false);
  if (broken) {
    return (
      <span className="thumbnail thumbnail--broken" role="img" aria-label={alt}>
        <PictureOutlined /> Ảnh không xem trước được
      </span>
    );
  }
  return (
    <img
      className={large ? 'thumbnail thumbnail--large' : 'thumbnail'}
      src={src}
      alt={alt}
      loading="lazy"
      onError={() => setBroken(true)}
    />
  );
}

/** The pictures of a stem or an option; with onRemove each gets a remove button. */
export function Thumbnails({
  srcs,
  large,
  owner = 'câu hỏi',
  onRemove,
}: {
  srcs?: string[];
  large?: boolean;
  owner?: string;
  onRemove?: (index: number) => void;
}) {
  if (!srcs?.length) return null;
  return (
    <span className="thumbnails">
      {srcs.map((src, i) => (
        <span key={src} className="thumbnails__item">
          <Thumbnail src={src} alt={`Ảnh ${i + 1} của ${owner}`} large={large} />
          {onRemove && (
            <Button
              className="thumbnails__remove"
              size="small"
              shape="circle"
              danger
              icon={<CloseOutlined />}
              aria-label={`Xóa ảnh ${i + 1} của ${owner}`}
              onClick={() => onRemove(i)}
            />
          )}
        </span>
      ))}
    </span>
  );
}
