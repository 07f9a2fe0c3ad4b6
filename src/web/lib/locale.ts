import viVN from 'antd/es/locale/vi_VN';
import type { Locale } from 'antd/es/locale';

/**
 * antd's vi_VN with the words it leaves in English: the date picker's confirm button says "OK" there.
 * Every staff screen takes its locale from here.
 */
const picker = viVN.DatePicker!;
const datePicker = { ...picker, lang: { ...picker.lang, ok: 'Chọn' } };

export const staffLocale: Locale = {
  ...viVN,
  DatePicker: datePicker,
  Calendar: viVN.Calendar ? { ...viVN.Calendar, lang: { ...viVN.Calendar.lang, ok: 'Chọn' } } : viVN.Calendar,
};
