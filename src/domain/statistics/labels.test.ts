import { describe, expect, it } from 'vitest';
import { BandScheme, DEFAULT_BANDS } from './bands.ts';
import { formatCountVi, formatDecimalVi, formatPercentVi } from './format.ts';
import { ITEM_FLAGS } from './items.ts';
import * as labels from './labels.ts';

describe('Vietnamese number formats', () => {
  it('decimal comma, thousands dot, a dash for no figure', () => {
    expect(formatPercentVi(60.79)).toBe('60,79%');
    expect(formatPercentVi(100)).toBe('100,00%');
    expect(formatPercentVi(null)).toBe('—');
    expect(formatDecimalVi(7.125)).toBe('7,13');
    expect(formatDecimalVi(0.70588, 3)).toBe('0,706');
    expect(formatDecimalVi(-0.33)).toBe('-0,33');
    expect(formatDecimalVi(-0.001)).toBe('0,00');
    expect(formatDecimalVi(null)).toBe('—');
    expect(formatCountVi(10_000)).toBe('10.000');
    expect(formatCountVi(1_000_000)).toBe('1.000.000');
  });
});

describe('statistics labels', () => {
  it('names every flag and explains it with its threshold', () => {
    for (const flag of ITEM_FLAGS) {
      expect(labels.FLAG_LABELS[flag]).toBeTruthy();
      expect(labels.FLAG_EXPLANATIONS[flag]).toBeTruthy();
    }
    expect(labels.FLAG_LABELS.likely_miskeyed).toBe('Có thể sai đáp án');
    expect(labels.FLAG_EXPLANATIONS.too_easy).toBe('Hơn 90% số người làm đúng.');
    expect(labels.FLAG_EXPLANATIONS.too_hard).toBe('Chưa đến 20% số người làm đúng.');
    expect(labels.FLAG_EXPLANATIONS.weak_discrimination).toMatch(/^Hệ số phân biệt dưới 0,20/);
  });

  it('calls the headline after the good bands, lowest first', () => {
    expect(labels.goodShareLabel(new BandScheme())).toBe('Tỷ lệ giỏi, xuất sắc');
    expect(labels.goodShareLabel(new BandScheme(DEFAULT_BANDS, ['Xuất sắc', 'Giỏi', 'Khá']))).toBe('Tỷ lệ khá, giỏi, xuất sắc');
  });

  it('labels the 11 bins of the distribution', () => {
    expect(labels.distributionBinLabel(0)).toBe('Từ 0 đến dưới 1');
    expect(labels.distributionBinLabel(9)).toBe('Từ 9 đến dưới 10');
    expect(labels.distributionBinLabel(10)).toBe('Điểm 10');
    expect(labels.distributionBinShortLabel(6)).toBe('[6; 7)');
    expect(() => labels.distributionBinLabel(11)).toThrow();
  });

  it('labels the keys of each cut, including what was not recorded', () => {
    expect(labels.schoolLevelLabel('thcs')).toBe('THCS');
    expect(labels.schoolLevelLabel(null)).toBe('Chưa xác định');
    expect(labels.positionLabel('manager')).toBe('Cán bộ quản lý');
    expect(labels.partyMemberLabel(false)).toBe('Chưa là đảng viên');
    expect(labels.variantLabel('101')).toBe('Mã đề 101');
    expect(labels.questionLabel(0)).toBe('Câu 1');
  });

  it('writes every label in NFC, the form the rest of the app stores and compares', () => {
    const texts: string[] = [];
    const collect = (value: unknown) => {
      if (typeof value === 'string') texts.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(labels);
    expect(texts.length).toBeGreaterThan(40);
    for (const text of texts) expect(text).toBe(text.normalize('NFC'));
  });
});
