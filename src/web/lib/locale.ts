import viVN from 'antd/es/locale/vi_VN';
import type { Locale } from 'antd/es/locale';

/**
 * antd's vi_VN with the words it leaves in English: the date picker's confirm button says "OK" there.
 * The calendar's header buttons show the month and the year ("Th 12", "2026"); vi_VN names them "Chọn tháng", "Chọn năm",
 * a name that leaves out the text on them (WCAG 2.5.3, label in name), so no aria-label: they are named by what they show.
 * Every staff screen takes its locale from here.
 */
const picker = viVN.DatePicker!;
const headerNames = { yearSelect: '', monthSelect: '', decadeSelect: '' };
const datePicker = { ...picker, lang: { ...picker.lang, ok: 'Chọn', ...headerNames } };

export const staffLocale: Locale = {
  ...viVN,
  DatePicker: datePicker,
  Calendar: viVN.Calendar ? { ...viVN.Calendar, lang: { ...viVN.Calendar.lang, ok: 'Chọn', ...headerNames } } : viVN.Calendar,
};
