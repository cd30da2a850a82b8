import { Pipe, PipeTransform } from '@angular/core';
import { BilingualText } from '@moisson/domain';
import { AppLanguage } from '../../core/i18n/app-language';

/** `{{ label | moiBilingual: language.current() }}`: the French or English text of a domain label. */
@Pipe({ name: 'moiBilingual' })
export class BilingualPipe implements PipeTransform {
  transform(
    value: BilingualText | null | undefined,
    language: AppLanguage,
  ): string {
    if (!value) {
      return '';
    }
    return language === 'en' ? value.en : value.fr;
  }
}
