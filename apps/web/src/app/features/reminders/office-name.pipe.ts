import { Pipe, PipeTransform, inject } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';

/**
 * `{{ 'casablanca' | moiOfficeName }}` -> "OFII Casablanca (Maroc)": an OFII office code by its
 * name in the interface language (the code itself when the office is not in the list).
 */
@Pipe({ name: 'moiOfficeName', pure: false })
export class OfficeNamePipe implements PipeTransform {
  private readonly translate = inject(TranslateService);

  transform(code: string | null | undefined): string {
    if (!code) {
      return '';
    }
    const key = `ofiiOffices.${code.trim().toLowerCase()}`;
    const name = this.translate.instant(key) as string;
    return name === key ? code : name;
  }
}
