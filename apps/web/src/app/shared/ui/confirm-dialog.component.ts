import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { TranslatePipe } from '@ngx-translate/core';
import { TranslatableMessage } from '../../core/i18n/translatable-message';

export interface ConfirmDialogData {
  title: TranslatableMessage;
  message: TranslatableMessage;
  confirm: TranslatableMessage;
  /** A destructive action (disable a user...) gets the error colour. */
  danger?: boolean;
}

/** "Are you sure?" before an action with consequences; closes with `true` when confirmed. */
@Component({
  selector: 'moi-confirm-dialog',
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    TranslatePipe,
  ],
  template: `
    <h2 mat-dialog-title>
      {{ data.title.key | translate: data.title.params }}
    </h2>
    <mat-dialog-content>
      <p>{{ data.message.key | translate: data.message.params }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button
        matButton
        type="button"
        [mat-dialog-close]="false"
        data-testid="confirm-cancel"
      >
        {{ 'common.cancel' | translate }}
      </button>
      <button
        matButton="filled"
        type="button"
        [class.moi-danger]="data.danger"
        [mat-dialog-close]="true"
        data-testid="confirm-ok"
        cdkFocusInitial
      >
        {{ data.confirm.key | translate: data.confirm.params }}
      </button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialogComponent {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}
