import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import {
  MatError,
  MatFormField,
  MatHint,
  MatLabel,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';

/** The validators of a new password: the contract's length rules (the API also refuses common ones). */
export const NEW_PASSWORD_VALIDATORS = [
  Validators.required,
  Validators.minLength(PASSWORD_MIN_LENGTH),
  Validators.maxLength(PASSWORD_MAX_LENGTH),
];

/**
 * A new password and its confirmation, with the rules spelled out and a message under each field.
 * The parent form group carries `passwordsMatchValidator()`; a `{ server }` error shows the API's
 * own refusal (e.g. a password too common).
 */
@Component({
  selector: 'moi-new-password-fields',
  imports: [
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  template: `
    <mat-form-field>
      <mat-label>{{ labelKey() | translate }}</mat-label>
      <input
        matInput
        type="password"
        autocomplete="new-password"
        required
        [formControl]="password()"
        [attr.data-testid]="testIdPrefix()"
      />
      <mat-hint>{{
        'password.rules' | translate: { min: minLength }
      }}</mat-hint>
      <mat-hint align="end">{{ password().value.length }}</mat-hint>
      @if (password().hasError('required')) {
        <mat-error>{{ 'validation.passwordRequired' | translate }}</mat-error>
      } @else if (password().hasError('minlength')) {
        <mat-error>{{
          'validation.passwordTooShort'
            | translate: { min: minLength, length: password().value.length }
        }}</mat-error>
      } @else if (password().hasError('maxlength')) {
        <mat-error>{{
          'validation.passwordTooLong' | translate: { max: maxLength }
        }}</mat-error>
      } @else if (password().getError('server'); as message) {
        <mat-error>{{ message }}</mat-error>
      }
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ 'fields.passwordConfirmation' | translate }}</mat-label>
      <input
        matInput
        type="password"
        autocomplete="new-password"
        required
        [formControl]="confirmation()"
        [attr.data-testid]="testIdPrefix() + '-confirmation'"
      />
      @if (confirmation().hasError('required')) {
        <mat-error>{{
          'validation.confirmationRequired' | translate
        }}</mat-error>
      } @else if (confirmation().hasError('mismatch')) {
        <mat-error>{{ 'validation.passwordMismatch' | translate }}</mat-error>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewPasswordFieldsComponent {
  readonly password = input.required<FormControl<string>>();
  readonly confirmation = input.required<FormControl<string>>();
  readonly labelKey = input('fields.newPassword');
  readonly testIdPrefix = input('new-password');

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly maxLength = PASSWORD_MAX_LENGTH;
}
