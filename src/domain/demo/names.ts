/**
 * Vietnamese names for demonstration data: family names with realistic frequencies, middle and
 * given names by gender, and invented place names. Generated combinations, never real people.
 * Every literal is NFC with the "Hòa / Thủy" tone placement.
 */
import type { Gender } from '../roster.ts';
import { normalizeText } from '../text.ts';
import type { Random, Weighted } from './random.ts';

/** Weights in percent of the population, roughly. */
export const FAMILY_NAMES: Weighted<string> = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 4.5], ['Huỳnh', 1.5],
  ['Phan', 4.5], ['Vũ', 3.9], ['Võ', 1], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3],
  ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Đinh', 0.8], ['Đào', 0.7], ['Trịnh', 0.6],
  ['Lương', 0.5], ['Mai', 0.5], ['Hà', 0.5], ['Đoàn', 0.4], ['Cao', 0.4], ['Lâm', 0.3],
  ['Tạ', 0.3], ['Tô', 0.2], ['Chu', 0.2], ['Kiều', 0.2], ['Lại', 0.2], ['Triệu', 0.2],
  ['Vương', 0.2], ['Nông', 0.2], ['Lò', 0.1], ['Quách', 0.1], ['Thái', 0.1], ['Doãn', 0.1],
  ['Khổng', 0.05], ['Âu', 0.05],
];

export const MIDDLE_NAMES: Record<Gender, Weighted<string>> = {
  male: [
    ['Văn', 40], ['Đức', 10], ['Minh', 10], ['Hữu', 8], ['Quang', 8], ['Thanh', 5], ['Công', 5],
    ['Xuân', 4], ['Ngọc', 4], ['Đình', 4], ['Mạnh', 3], ['Trung', 3], ['Duy', 3], ['Thế', 3],
    ['Quốc', 3], ['Anh', 2], ['Tiến', 2], ['Bá', 2], ['Tuấn', 2], ['Hoàng', 2], ['Viết', 1],
  ],
  female: [
    ['Thị', 55], ['Ngọc', 6], ['Thu', 6], ['Thanh', 6], ['Kim', 3], ['Minh', 3], ['Phương', 3],
    ['Hồng', 3], ['Thúy', 2], ['Bích', 2], ['Mai', 2], ['Hoài', 2], ['Thùy', 2], ['Khánh', 2],
    ['Hải', 2], ['Diệu', 1], ['Lan', 1], ['Quỳnh', 1], ['Tuyết', 1], ['Hương', 1],
  ],
};

/** A second middle name after "Thị", as in "Nguyễn Thị Thu Hà". */
const SECOND_FEMALE_MIDDLE = ['Thu', 'Thanh', 'Ngọc', 'Kim', 'Minh', 'Hồng', 'Bích', 'Mai', 'Thùy', 'Phương'];

export const GIVEN_NAMES: Record<Gender, Weighted<string>> = {
  male: [
    ['An', 3], ['Bình', 3], ['Cường', 4], ['Dũng', 5], ['Đạt', 3], ['Đông', 2], ['Đức', 3],
    ['Giang', 2], ['Hải', 4], ['Hiếu', 3], ['Hiệp', 2], ['Hòa', 2], ['Hoàng', 3], ['Hùng', 5],
    ['Huy', 4], ['Hưng', 3], ['Khánh', 2], ['Khoa', 2], ['Kiên', 2], ['Lâm', 2], ['Long', 4],
    ['Lộc', 2], ['Minh', 4], ['Nam', 5], ['Nghĩa', 3], ['Phong', 3], ['Phúc', 2], ['Quân', 3],
    ['Quang', 3], ['Sơn', 5], ['Tài', 2], ['Thắng', 4], ['Thành', 4], ['Thịnh', 2], ['Toàn', 2],
    ['Trung', 4], ['Tú', 2], ['Tuấn', 5], ['Tùng', 3], ['Việt', 3], ['Vinh', 3], ['Chiến', 2],
    ['Công', 2], ['Duy', 2], ['Bảo', 1], ['Mạnh', 2], ['Thái', 2], ['Trọng', 2], ['Hậu', 1],
  ],
  female: [
    ['Anh', 4], ['Ánh', 2], ['Chi', 2], ['Dung', 3], ['Duyên', 2], ['Giang', 3], ['Hà', 5],
    ['Hằng', 4], ['Hạnh', 4], ['Hiền', 4], ['Hoa', 4], ['Hòa', 2], ['Hồng', 3], ['Huệ', 2],
    ['Hương', 6], ['Huyền', 4], ['Lan', 5], ['Liên', 2], ['Linh', 5], ['Loan', 3], ['Ly', 2],
    ['Mai', 5], ['My', 1], ['Nga', 4], ['Ngân', 2], ['Ngọc', 4], ['Nguyệt', 2], ['Nhung', 4],
    ['Oanh', 2], ['Phương', 5], ['Quyên', 2], ['Quỳnh', 3], ['Tâm', 2], ['Thảo', 5], ['Thanh', 3],
    ['Thắm', 1], ['Thơ', 1], ['Thu', 3], ['Thủy', 4], ['Thúy', 3], ['Trang', 6], ['Tuyết', 2],
    ['Vân', 3], ['Xuân', 2], ['Yến', 4], ['Lệ', 1], ['Nhàn', 1], ['Hậu', 1], ['Diệp', 1],
  ],
};

/** A plausible, generated Vietnamese full name in NFC: family, middle name(s), given name. */
export function randomFullName(rng: Random, gender: Gender): string {
  const family = rng.weighted(FAMILY_NAMES);
  const middle = [rng.weighted(MIDDLE_NAMES[gender])];
  if (middle[0] === 'Thị' && rng.chance(0.1)) middle.push(rng.pick(SECOND_FEMALE_MIDDLE));
  let given = rng.weighted(GIVEN_NAMES[gender]);
  while (middle.includes(given)) given = rng.weighted(GIVEN_NAMES[gender]);
  return normalizeText([family, ...middle, given].join(' '));
}

// ---- Invented place and school names ----------------------------------------------------

/** Old districts abolished on 1 July 2025; the first is the old provincial city (wards). */
export const LEGACY_DISTRICTS = [
  'Thành phố Sơn Lam (cũ)', 'Huyện Lâm Sơn (cũ)', 'Huyện Ngọc Khê (cũ)',
  'Huyện Thanh Vân (cũ)', 'Huyện Phú Lam (cũ)', 'Thị xã Kim Đồi (cũ)',
];

/** Short name of an old district: "Huyện Lâm Sơn (cũ)" → "Lâm Sơn". */
export function districtShortName(district: string): string {
  return district.replace(/^(Thành phố|Huyện|Thị xã) /, '').replace(/ \(cũ\)$/, '');
}

export const COMMUNE_NAMES = [
  'Tân Lập', 'Hồng Phong', 'Hòa Bình', 'Quang Trung', 'Đồng Tâm', 'Thống Nhất', 'Tân Tiến',
  'Minh Khai', 'Thanh Sơn', 'Hợp Thành', 'Đông Phong', 'Kim Sơn', 'An Thịnh', 'Thịnh Hưng',
  'Vân Hòa', 'Tiên Phong', 'Lam Hạ', 'Hưng Đạo', 'Tân Phú', 'Bình Minh', 'Phú Lâm', 'Xuân Hòa',
  'Ngọc Lâm', 'Hoàng Sơn', 'Trung Hòa', 'Liên Hiệp', 'Đại Đồng', 'Sơn Thủy', 'Phúc Thành',
  'Cao Minh', 'Mỹ Hưng', 'Yên Phú', 'Quyết Tiến', 'Đức Thắng', 'Nghĩa Lộ Đông', 'Tam Hiệp',
];

export const PRESCHOOL_NAMES = [
  'Hoa Sen', 'Hoa Mai', 'Hoa Hồng', 'Hoa Ban', 'Hoa Phượng', 'Sơn Ca', 'Họa Mi', 'Vành Khuyên',
  'Tuổi Thơ', 'Bình Minh', 'Hoa Đào', 'Hoa Lan', 'Sao Mai', 'Ánh Dương', 'Hướng Dương',
  'Hoa Cúc', 'Hoa Huệ', 'Măng Non', 'Búp Măng', 'Thỏ Ngọc', 'Hoa Sữa', 'Mầm Xanh',
];

/** Famous figures schools are commonly named after. */
export const NOTABLE_NAMES = [
  'Nguyễn Trãi', 'Lê Hồng Phong', 'Trần Phú', 'Phan Bội Châu', 'Nguyễn Huệ', 'Lê Lợi',
  'Trần Hưng Đạo', 'Nguyễn Du', 'Chu Văn An', 'Hùng Vương', 'Lương Thế Vinh', 'Ngô Quyền',
  'Nguyễn Bỉnh Khiêm', 'Lý Thường Kiệt', 'Phan Châu Trinh', 'Nguyễn Thị Minh Khai',
  'Huỳnh Thúc Kháng', 'Lê Quý Đôn', 'Nguyễn Đình Chiểu', 'Võ Thị Sáu', 'Kim Đồng',
  'Lý Tự Trọng', 'Nguyễn Văn Trỗi', 'Trần Quốc Toản', 'Đinh Tiên Hoàng', 'Lê Văn Tám',
  'Tô Hiến Thành', 'Nguyễn Khuyến', 'Hoàng Hoa Thám', 'Phạm Ngũ Lão', 'Trần Nhân Tông',
  'Nguyễn Tất Thành', 'Lê Thánh Tông', 'Mạc Đĩnh Chi', 'Nguyễn Chí Thanh', 'Bế Văn Đàn',
];
