import { MatDialog } from '@angular/material/dialog';
import { Observable, map } from 'rxjs';
import {
  ConfirmDialogComponent,
  ConfirmDialogData,
} from './confirm-dialog.component';

/** Opens the confirmation dialog; emits true once if confirmed, false if cancelled or dismissed. */
export function confirmAction(
  dialog: MatDialog,
  data: ConfirmDialogData,
): Observable<boolean> {
  return dialog
    .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(
      ConfirmDialogComponent,
      { data, maxWidth: 'min(480px, calc(100vw - 32px))', autoFocus: 'dialog' },
    )
    .afterClosed()
    .pipe(map((confirmed) => confirmed === true));
}
