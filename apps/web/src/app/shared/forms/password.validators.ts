import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/**
 * On a form group: the `confirmation` control must repeat the `password` control. The error is set
 * on the confirmation itself, so it shows under that field.
 */
export function passwordsMatchValidator(
  passwordName = 'password',
  confirmationName = 'confirmation',
): ValidatorFn {
  return (group: AbstractControl): ValidationErrors | null => {
    const password = group.get(passwordName);
    const confirmation = group.get(confirmationName);
    if (!password || !confirmation) {
      return null;
    }
    const mismatch =
      confirmation.value !== '' && confirmation.value !== password.value;
    const errors = { ...(confirmation.errors ?? {}) };
    if (mismatch) {
      errors['mismatch'] = true;
    } else {
      delete errors['mismatch'];
    }
    confirmation.setErrors(Object.keys(errors).length ? errors : null);
    return null;
  };
}
