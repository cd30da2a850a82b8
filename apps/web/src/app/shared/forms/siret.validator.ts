import { AbstractControl, ValidationErrors } from '@angular/forms';
import { BilingualText, validateSiret } from '@moisson/domain';

/**
 * The SIRET check of `libs/domain` (14 digits, Luhn key), the same the API applies. The error holds
 * the domain's own French and English sentence: `{ siret: { fr, en } }`.
 */
export function siretValidator(
  control: AbstractControl<string>,
): ValidationErrors | null {
  const value = control.value ?? '';
  if (value.trim() === '') {
    return null;
  }
  const result = validateSiret(value);
  return result.valid
    ? null
    : { siret: result.message satisfies BilingualText };
}
