import dayjsGenerateConfig from '@rc-component/picker/generate/dayjs';
import { DatePicker as AntdDatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { getServerToday } from '../today.ts';

/**
 * antd's DatePicker (and RangePicker) with the server's today: the panel marks that day and its
 * 今天 button picks it, whatever the device's clock says (a wrong device date must not become a
 * payment or session date). Every staff page imports the picker from here.
 */

/** The device's time of day on the server's date (the pickers only use the date; a time keeps them valid). */
function pickerNow(): Dayjs {
  const device = dayjs();
  const today = getServerToday();
  if (!today) return device;
  return dayjs(today).hour(device.hour()).minute(device.minute()).second(device.second());
}

export const DatePicker = AntdDatePicker.generatePicker<Dayjs>({ ...dayjsGenerateConfig, getNow: pickerNow });
