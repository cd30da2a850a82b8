import { Injectable, inject, signal } from '@angular/core';
import {
  FirmRole,
  InvitationResponse,
  UpdateUserRequest,
  UserResponse,
} from '@moisson/contract';
import { Observable, finalize, tap } from 'rxjs';
import {
  describeError,
  describeFormError,
} from '../../core/http/describe-error';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { InviteRequest } from '../../shared/users/invite-form.component';
import { StaffService } from './staff.service';

/** The firm's team, and the changes firm admins make to it. */
@Injectable()
export class StaffStore {
  private readonly service = inject(StaffService);

  private readonly usersState = signal<UserResponse[]>([]);
  private readonly invitationsState = signal<InvitationResponse[]>([]);
  private readonly loadingState = signal(false);
  private readonly errorState = signal<TranslatableMessage | null>(null);
  private readonly busyUserState = signal<string | null>(null);
  private readonly actionErrorState = signal<TranslatableMessage | null>(null);

  readonly users = this.usersState.asReadonly();
  /** Pending invitations to the firm (loaded for firm admins only). */
  readonly invitations = this.invitationsState.asReadonly();
  readonly loading = this.loadingState.asReadonly();
  readonly error = this.errorState.asReadonly();
  readonly busyUserId = this.busyUserState.asReadonly();
  readonly actionError = this.actionErrorState.asReadonly();

  /** The team; with `withInvitations` (firm admins), the pending invitations too. */
  load(withInvitations = false): void {
    this.loadingState.set(true);
    this.errorState.set(null);
    this.service
      .list()
      .pipe(finalize(() => this.loadingState.set(false)))
      .subscribe({
        next: (users) => this.usersState.set(users),
        error: (error: unknown) => this.errorState.set(describeError(error)),
      });
    if (withInvitations) {
      this.service.invitations().subscribe({
        next: (invitations) =>
          this.invitationsState.set(
            invitations.filter((invitation) => !invitation.acceptedAt),
          ),
        // The team still shows; the list of invitations is a convenience.
        error: () => this.invitationsState.set([]),
      });
    }
  }

  invite(request: InviteRequest): Observable<InvitationResponse> {
    return this.service
      .invite({
        email: request.email,
        role: request.role as FirmRole,
        locale: request.locale,
      })
      .pipe(
        tap((invitation) =>
          this.invitationsState.update((invitations) => [
            invitation,
            ...invitations.filter((pending) => pending.id !== invitation.id),
          ]),
        ),
      );
  }

  update(user: UserResponse, change: UpdateUserRequest): void {
    this.busyUserState.set(user.id);
    this.actionErrorState.set(null);
    this.service
      .update(user.id, change)
      .pipe(finalize(() => this.busyUserState.set(null)))
      .subscribe({
        next: (updated) =>
          this.usersState.update((users) =>
            users.map((existing) =>
              existing.id === updated.id ? updated : existing,
            ),
          ),
        error: (error: unknown) =>
          this.actionErrorState.set(describeFormError(error)),
      });
  }
}
