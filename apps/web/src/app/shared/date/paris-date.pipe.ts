import { Pipe, PipeTransform } from '@angular/core';
import { DateInput, ParisDateStyle, formatParis } from './paris-date-format';

/**
 * `{{ checkedAt | moiParisDate }}` -> 29/03/2026, `| moiParisDate: 'time'` -> 01:30,
 * `| moiParisDate: 'dateTime'` -> 29/03/2026 01:30; always in Europe/Paris time.
 */
@Pipe({ name: 'moiParisDate' })
export class ParisDatePipe implements PipeTransform {
  transform(value: DateInput, style: ParisDateStyle = 'date'): string {
    return formatParis(value, style);
  }
}
