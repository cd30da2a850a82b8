import { Injectable, inject, signal } from '@angular/core';
import {
  InvitationResponse,
  UpdateUserRequest,
  UserResponse,
} from '@moisson/contract';
import { Observable, finalize, forkJoin, tap } from 'rxjs';
import { ApiRequestError } from '../../core/http/api-request-error';
import {
  describeError,
  describeFormError,
} from '../../core/http/describe-error';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { InviteRequest } from '../../shared/users/invite-form.component';
import { EmployerUsersService } from './employer-users.service';

/** The users and pending invitations of one employer, and the changes made to them. */
@Injectable()
export class EmployerUsersStore {
  private readonly service = inject(EmployerUsersService);

  private employerId: string | null = null;
  private readonly usersState = signal<UserResponse[]>([]);
  private readonly invitationsState = signal<InvitationResponse[]>([]);
  private readonly loadingState = signal(false);
  private readonly notFoundState = signal(false);
  private readonly errorState = signal<TranslatableMessage | null>(null);
  private readonly busyUserState = signal<string | null>(null);
  private readonly actionErrorState = signal<TranslatableMessage | null>(null);

  readonly users = this.usersState.asReadonly();
  readonly invitations = this.invitationsState.asReadonly();
  readonly loading = this.loadingState.asReadonly();
  /** The API answered 404: no such employer, or not the reader's. */
  readonly notFound = this.notFoundState.asReadonly();
  readonly error = this.errorState.asReadonly();
  readonly busyUserId = this.busyUserState.asReadonly();
  /** Why the last role change or disable / enable failed. */
  readonly actionError = this.actionErrorState.asReadonly();

  load(employerId: string): void {
    this.employerId = employerId;
    this.loadingState.set(true);
    this.errorState.set(null);
    this.notFoundState.set(false);
    forkJoin({
      users: this.service.users(employerId),
      invitations: this.service.invitations(employerId),
    })
      .pipe(finalize(() => this.loadingState.set(false)))
      .subscribe({
        next: ({ users, invitations }) => {
          this.usersState.set(users);
          this.invitationsState.set(
            invitations.filter((invitation) => !invitation.acceptedAt),
          );
        },
        error: (error: unknown) => {
          if (error instanceof ApiRequestError && error.status === 404) {
            this.notFoundState.set(true);
          } else {
            this.errorState.set(describeError(error));
          }
        },
      });
  }

  /** For the invite form: sends the invitation and lists it as pending. */
  invite(request: InviteRequest): Observable<InvitationResponse> {
    const employerId = this.requireEmployerId();
    return this.service
      .invite(employerId, {
        email: request.email,
        role: request.role as 'employer_owner' | 'employer_member',
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
    const employerId = this.requireEmployerId();
    this.busyUserState.set(user.id);
    this.actionErrorState.set(null);
    this.service
      .update(employerId, user.id, change)
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

  private requireEmployerId(): string {
    if (!this.employerId) {
      throw new Error('EmployerUsersStore.load() was not called');
    }
    return this.employerId;
  }
}
