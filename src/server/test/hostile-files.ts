/**
 * Files that attack the upload parsers, built in memory for the tests and bench/hostile-files.ts: a Word file whose
 * document.xml inflates to 150 MB of short paragraphs, workbooks of too many rows, deflate bombs whose zip directory
 * lies about their sizes, and a legitimate roster of the same size for comparison. Written by a small zip writer over
 * node:zlib (streamed: hundreds of MB of XML are never held at once) with real CRCs, so Excel and Word open them too.
 */
import zlib from 'node:zlib';

export interface ZipSource {
  name: string;
  /** The entry's bytes, whole or as chunks produced on demand. */
  data: Uint8Array | string | (() => Iterable<Uint8Array | string>);
  /** Written as the entry's uncompressed size instead of the real one (a bomb that lies). */
  declaredSize?: number;
}

function chunksOf(data: ZipSource['data']): Iterable<Uint8Array | string> {
  if (typeof data === 'function') return data();
  return [data];
}

/** Deflates one entry as its chunks come, keeping only the compressed bytes. */
async function deflateEntry(source: ZipSource, level: number): Promise<{ compressed: Buffer; crc: number; size: number }> {
  const deflater = zlib.createDeflateRaw({ level });
  const out: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => out.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    deflater.on('end', resolve);
    deflater.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  for (const piece of chunksOf(source.data)) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    crc = zlib.crc32(chunk, crc);
    size += chunk.byteLength;
    if (!deflater.write(chunk)) await new Promise((resolve) => deflater.once('drain', resolve));
  }
  deflater.end();
  await finished;
  return { compressed: Buffer.concat(out), crc, size };
}

/** A zip of the entries, deflated at `level` (no zip64: entries under 4 GB). */
export async function writeZip(sources: ZipSource[], level = 6): Promise<Buffer> {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const source of sources) {
    const { compressed, crc, size } = await deflateEntry(source, level);
    const declared = source.declaredSize ?? size;
    const name = Buffer.from(source.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(compressed.length, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, name, compressed);
    central.push(entry, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(sources.length, 8);
  end.writeUInt16LE(sources.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

const CONTENT_TYPES_DOCX =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
  + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
  + '<Default Extension="png" ContentType="image/png"/>'
  + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const ROOT_RELS_DOCX =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
  + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
  + 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';

/** Chunks of about `chunk` bytes repeating `unit`, `total` bytes in all (the last unit may be cut: callers end the XML). */
function* repeated(unit: string, total: number, chunk = 1024 * 1024): Generator<Buffer> {
  const block = Buffer.alloc(Math.max(unit.length, Math.floor(chunk / unit.length) * unit.length), unit);
  for (let left = Math.floor(total / unit.length) * unit.length; left > 0; left -= block.length) {
    yield left >= block.length ? block : block.subarray(0, left);
  }
}

/**
 * A Word file whose document.xml is `xmlBytes` of short paragraphs ("Câu hỏi?"). With the defaults: 150 MB of XML,
 * 3.9 million paragraphs, in a zip of about 0.15 MB; JSZip + a whole-tree XML parser ran out of heap on it.
 */
export async function paragraphBombDocx(xmlBytes = 150 * 1024 * 1024): Promise<Buffer> {
  const paragraph = '<w:p><w:r><w:t>Câu hỏi?</w:t></w:r></w:p>';
  return writeZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES_DOCX },
    { name: '_rels/.rels', data: ROOT_RELS_DOCX },
    {
      name: 'word/document.xml',
      data: function* body() {
        yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>`;
        yield* repeated(paragraph, xmlBytes);
        yield '</w:body></w:document>';
      },
    },
  ]);
}

/** A small valid Word bank (one question) whose one image is a deflate bomb: `imageBytes` of zeros declared as 100 bytes. */
export async function imageBombDocx(imageBytes = 64 * 1024 * 1024): Promise<Buffer> {
  const document =
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>`
    + '<w:p><w:r><w:t>Câu 1. Hình nào dưới đây là lá cờ Tổ quốc?</w:t></w:r><w:r><w:drawing><a:blip r:embed="rId9"/></w:drawing></w:r></w:p>'
    + '<w:p><w:r><w:t>A. Hình 1</w:t></w:r></w:p><w:p><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>B. Hình 2</w:t></w:r></w:p>'
    + '</w:body></w:document>';
  return writeZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES_DOCX },
    { name: '_rels/.rels', data: ROOT_RELS_DOCX },
    { name: 'word/document.xml', data: document },
    {
      name: 'word/_rels/document.xml.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>',
    },
    { name: 'word/media/image1.png', data: () => repeated('\0', imageBytes), declaredSize: 100 },
  ]);
}

const CONTENT_TYPES_XLSX =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
  + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
  + '<Default Extension="jpeg" ContentType="image/jpeg"/>'
  + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
  + '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
  + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>';
const ROOT_RELS_XLSX =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
  + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
  + 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
  + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
  + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>';
/** Style 1 is a date (dd/mm/yyyy). */
const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
  + '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
  + '<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>'
  + '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>';

export const ROSTER_HEADER = [
  'STT',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Mã định danh',
  'Số CCCD',
  'Đơn vị',
  'Chức vụ',
  'Điện thoại',
  'Email',
  'Ghi chú',
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Ngọc', 'Thanh', 'Đức', 'Thu', 'Quang', 'Kim'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dung',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Lan',
  'Linh',
  'Mai',
  'Nam',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Yến',
  'Khánh',
  'Long',
  'Nga',
];
const NOTE_WORDS = [
  'đã',
  'tham',
  'gia',
  'lớp',
  'bồi',
  'dưỡng',
  'chính',
  'trị',
  'hè',
  'năm',
  'học',
  'chuyển',
  'công',
  'tác',
  'từ',
  'trường',
  'huyện',
  'xã',
  'nghỉ',
  'thai',
  'sản',
  'đến',
  'tháng',
  'kiêm',
  'nhiệm',
  'tổ',
  'trưởng',
  'chuyên',
  'môn',
  'bí',
  'thư',
  'chi',
  'bộ',
];

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${xmlText(text)}</t></is></c>`;

/** Row `n` of a roster (n ≥ 1) as sheet XML: valid values (digits-only ids, a real date), varied like real people. */
function rosterRow(excelRow: number, n: number, noteWords: number): string {
  let seed = (n * 2654435761) >>> 0;
  const next = (k: number) => {
    seed = (Math.imul(seed ^ (seed >>> 15), 2246822519) + 3266489917) >>> 0;
    return seed % k;
  };
  const name = `${FAMILY[next(FAMILY.length)]} ${MIDDLE[next(MIDDLE.length)]} ${GIVEN[next(GIVEN.length)]}`;
  // Excel's day number of a birth date (days since 30/12/1899).
  const born = Math.floor(Date.UTC(1965 + next(35), next(12), 1 + next(28)) / 86_400_000) + 25569;
  const school = `Trường THCS Số ${1 + Math.floor(n / 45)}`;
  const note = Array.from({ length: noteWords }, () => NOTE_WORDS[next(NOTE_WORDS.length)]).join(' ');
  const r = excelRow;
  return (
    `<row r="${r}"><c r="A${r}"><v>${n}</v></c>${inline(`B${r}`, name)}<c r="C${r}" s="1"><v>${born}</v></c>`
    + `${inline(`D${r}`, next(2) ? 'Nam' : 'Nữ')}${inline(`E${r}`, String(7_000_000_000 + n))}`
    + `${inline(`F${r}`, `0${String(38_000_000_000 + n * 7 + next(7)).padStart(11, '0')}`)}${inline(`G${r}`, school)}`
    + `${inline(`H${r}`, ['Giáo viên', 'Hiệu trưởng', 'Nhân viên', 'Phó hiệu trưởng'][next(4)])}`
    + `${inline(`I${r}`, `09${String(10_000_000 + next(89_999_999))}`)}${inline(`J${r}`, `gv${n}@truong.edu.vn`)}`
    + (noteWords > 0 ? inline(`K${r}`, note) : '')
    + '</row>'
  );
}

export interface RosterXlsxOptions {
  /** Words of the free-text "Ghi chú" column per row (0: none): makes the file bigger the way real notes do. */
  noteWords?: number;
  /** Written as the worksheet's uncompressed size instead of the real one. */
  declaredSize?: number;
  /** An incompressible picture (a scanned letterhead) of this many bytes in xl/media: a bigger file, no more rows. */
  pictureBytes?: number;
}

/**
 * A roster workbook of `rows` people under a title and a header (row 4), written as raw sheet XML so that a million
 * rows take seconds and little memory. Every value is valid: below the limits it imports cleanly.
 */
export async function rosterXlsx(rows: number, options: RosterXlsxOptions = {}): Promise<Buffer> {
  const noteWords = options.noteWords ?? 0;
  const header = (noteWords > 0 ? ROSTER_HEADER : ROSTER_HEADER.slice(0, -1))
    .map((title, i) => inline(`${String.fromCharCode(65 + i)}4`, title))
    .join('');
  const sources: ZipSource[] = [
    { name: '[Content_Types].xml', data: CONTENT_TYPES_XLSX },
    { name: '_rels/.rels', data: ROOT_RELS_XLSX },
    { name: 'xl/workbook.xml', data: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS },
    { name: 'xl/styles.xml', data: STYLES },
    {
      name: 'xl/worksheets/sheet1.xml',
      declaredSize: options.declaredSize,
      data: function* sheet() {
        yield (
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
          + `<row r="1">${inline('A1', 'UBND TỈNH SƠN LAM')}</row><row r="2">${inline('A2', 'DANH SÁCH CÁN BỘ, GIÁO VIÊN THAM GIA BỒI DƯỠNG HÈ')}</row>`
          + `<row r="4">${header}</row>`
        );
        let batch = '';
        for (let n = 1; n <= rows; n++) {
          batch += rosterRow(4 + n, n, noteWords);
          if (batch.length > 1_000_000) {
            yield batch;
            batch = '';
          }
        }
        yield `${batch}</sheetData><mergeCells count="1"><mergeCell ref="A2:J2"/></mergeCells></worksheet>`;
      },
    },
  ];
  if (options.pictureBytes) {
    sources.push({
      name: 'xl/media/image1.jpeg',
      // Incompressible, like a photograph.
      data: function* picture() {
        for (let left = options.pictureBytes!; left > 0; left -= 1024 * 1024) yield randomBlock(Math.min(left, 1024 * 1024));
      },
    });
  }
  return writeZip(sources);
}

let randomState = 0x9e3779b9;
function randomBlock(size: number): Buffer {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i++) {
    randomState ^= randomState << 13;
    randomState ^= randomState >>> 17;
    randomState ^= randomState << 5;
    out[i] = randomState & 0xff;
  }
  return out;
}

/**
 * A plain list of `rows` people (STT, Họ và tên, Số CCCD, Đơn vị) as a sheet exported by another system writes it:
 * ~210 bytes of XML a row, ~13 bytes zipped. 1.5 million rows: 320 MB of XML in a 19 MB file, under the upload limit.
 */
export async function manyRowsXlsx(rows: number): Promise<Buffer> {
  const header = ['STT', 'Họ và tên', 'Số CCCD', 'Đơn vị'].map((title, i) => inline(`${'ABCD'[i]}1`, title)).join('');
  return writeZip(
    [
      { name: '[Content_Types].xml', data: CONTENT_TYPES_XLSX },
      { name: '_rels/.rels', data: ROOT_RELS_XLSX },
      { name: 'xl/workbook.xml', data: WORKBOOK },
      { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS },
      { name: 'xl/styles.xml', data: STYLES },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: function* sheet() {
          yield (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            + `<sheetData><row r="1">${header}</row>`
          );
          let batch = '';
          for (let n = 1; n <= rows; n++) {
            const r = n + 1;
            // Cells without their own reference follow one another, as the format allows. The people repeat every 120
            // rows (a whole period within deflate's 32 KB window), as in an export that lists the same units over and over.
            const k = n % 120;
            batch +=
              `<row r="${r}"><c><v>${n}</v></c><c t="inlineStr"><is><t>${FAMILY[k % 16]} ${MIDDLE[k % 10]} ${GIVEN[k % 24]}</t></is></c>`
              + `<c t="inlineStr"><is><t>0380850${String(k).padStart(5, '0')}</t></is></c>`
              + `<c t="inlineStr"><is><t>Trường Tiểu học Số ${k}</t></is></c></row>`;
            if (batch.length > 1_000_000) {
              yield batch;
              batch = '';
            }
          }
          yield `${batch}</sheetData></worksheet>`;
        },
      },
    ],
    2,
  );
}

/** A roster whose worksheet is `bytes` of blank space declared as 100 bytes: a deflate bomb that lies about its size. */
export async function blankBombXlsx(bytes = 300 * 1024 * 1024): Promise<Buffer> {
  return writeZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES_XLSX },
    { name: '_rels/.rels', data: ROOT_RELS_XLSX },
    { name: 'xl/workbook.xml', data: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS },
    {
      name: 'xl/worksheets/sheet1.xml',
      declaredSize: 100,
      data: function* sheet() {
        yield '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
        yield* repeated(' ', bytes);
        yield '</sheetData></worksheet>';
      },
    },
  ]);
}
