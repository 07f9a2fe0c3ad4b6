import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, parseDateCell } from './dates.ts';

const parse = (value: Parameters<typeof parseDateCell>[0]) => parseDateCell(value, 'Ngày sinh');
const serialOf = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe('parseDateCell', () => {
  it.each([
    ['15/03/1985', '1985-03-15'],
    ['5/3/1985', '1985-03-05'],
    ['15-03-1985', '1985-03-15'],
    ['15.03.1985', '1985-03-15'],
    ['1985-03-15', '1985-03-15'],
    [' 15 / 03 / 1985 ', '1985-03-15'],
    ['29/02/1988', '1988-02-29'],
    ['1985-03-15T00:00:00.000Z', '1985-03-15'],
    ['ngày 15 tháng 3 năm 1985', '1985-03-15'],
  ])('text %s', (text, iso) => {
    expect(parse(text)).toEqual({ ok: true, value: iso });
  });

  it('reads Date cells with UTC getters, tolerating a hair before midnight', () => {
    expect(parse(new Date(Date.UTC(1985, 2, 15)))).toEqual({ ok: true, value: '1985-03-15' });
    expect(parse(new Date(Date.UTC(1985, 2, 15) - 1))).toEqual({ ok: true, value: '1985-03-15' });
  });

  it('reads Excel serial numbers', () => {
    expect(parse(serialOf('1985-03-15'))).toEqual({ ok: true, value: '1985-03-15' });
    expect(parse(serialOf('1985-03-15') + 0.4)).toEqual({ ok: true, value: '1985-03-15' });
  });

  it('empty is null', () => {
    expect(parse(null)).toEqual({ ok: true, value: null });
    expect(parse('   ')).toEqual({ ok: true, value: null });
  });

  it('a year alone is incomplete', () => {
    for (const value of ['1985', 1985, '03/1985', 'năm 1985']) {
      expect(parse(value)).toEqual({ ok: false, message: 'Ngày sinh không đầy đủ: cần ngày/tháng/năm' });
    }
  });

  it.each(['31/02/1990', '00/01/1990', '12/13/1990', '29/02/1990', '1990-02-30'])('impossible date %s names the value', (text) => {
    expect(parse(text)).toEqual({ ok: false, message: `Ngày sinh không hợp lệ: ${text}` });
  });

  it('unreadable text asks for dd/mm/yyyy', () => {
    expect(parse('mười lăm tháng ba')).toEqual({ ok: false, message: 'Ngày sinh không hợp lệ: mười lăm tháng ba (cần dạng dd/mm/yyyy)' });
    expect(parse('15/3/85').ok).toBe(false);
    expect(parse(true).ok).toBe(false);
  });

  it('every real date reads the same from each way it can be written', () => {
    const dates = fc
      .date({ min: new Date(Date.UTC(1930, 0, 1)), max: new Date(Date.UTC(2020, 11, 31)), noInvalidDate: true })
      .map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())));
    fc.assert(
      fc.property(dates, (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [y, m, d] = iso.split('-');
        const forms = [date, serialOf(iso), `${d}/${m}/${y}`, `${Number(d)}/${Number(m)}/${y}`, `${d}-${m}-${y}`, `${d}.${m}.${y}`, iso];
        return forms.every((form) => {
          const parsed = parse(form);
          return parsed.ok && parsed.value === iso;
        });
      }),
    );
  });
});

describe('ageOn', () => {
  it('counts whole years, the birthday itself included', () => {
    const today = new Date(Date.UTC(2026, 5, 1));
    expect(ageOn('1990-06-01', today)).toBe(36);
    expect(ageOn('1990-06-02', today)).toBe(35);
    expect(ageOn('2009-05-31', today)).toBe(17);
  });
});
