import {
  ChangeDetectionStrategy,
  Component,
  input,
  output,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField } from '@angular/material/form-field';
import { MatSelect, MatSelectChange } from '@angular/material/select';
import { UserResponse, UserRole } from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { ParisDatePipe } from '../date/paris-date.pipe';

export interface UserRoleChange {
  user: UserResponse;
  role: UserRole;
}

/**
 * Users of an employer or of the firm: name, e-mail, role, status, two-factor, last sign-in. With
 * `canManage`, a role select and a disable / enable button on every row but the reader's own.
 */
@Component({
  selector: 'moi-user-table',
  imports: [
    MatButton,
    MatFormField,
    MatOption,
    MatSelect,
    ParisDatePipe,
    TranslatePipe,
  ],
  templateUrl: './user-table.component.html',
  styleUrl: './user-table.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserTableComponent {
  readonly users = input.required<readonly UserResponse[]>();
  /** The roles a manager may give. */
  readonly roles = input.required<readonly UserRole[]>();
  readonly canManage = input(false);
  /** The reader: they cannot demote or disable themselves. */
  readonly selfId = input<string | null>(null);
  /** The user whose change is being sent. */
  readonly busyUserId = input<string | null>(null);
  readonly testId = input('user-table');

  readonly roleChange = output<UserRoleChange>();
  readonly toggleDisabled = output<UserResponse>();

  protected manageable(user: UserResponse): boolean {
    return this.canManage() && user.id !== this.selfId();
  }

  protected changeRole(user: UserResponse, event: MatSelectChange): void {
    const role = event.value as UserRole;
    // The select shows the role the user has until the API has accepted the change.
    event.source.value = user.role;
    if (role !== user.role) {
      this.roleChange.emit({ user, role });
    }
  }
}
