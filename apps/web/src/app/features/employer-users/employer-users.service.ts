import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  InvitationResponse,
  InviteEmployerUserRequest,
  UpdateUserRequest,
  UserResponse,
} from '@moisson/contract';
import { Observable } from 'rxjs';
import { employerUrl } from '../employers/employers.service';

/**
 * HTTP calls about the users of one employer (`/api/employers/:id/users` and `/invitations`): its
 * owner for their own employer, the firm for any.
 */
@Injectable({ providedIn: 'root' })
export class EmployerUsersService {
  private readonly http = inject(HttpClient);

  users(employerId: string): Observable<UserResponse[]> {
    return this.http.get<UserResponse[]>(`${employerUrl(employerId)}/users`);
  }

  /** Invitations not accepted yet. */
  invitations(employerId: string): Observable<InvitationResponse[]> {
    return this.http.get<InvitationResponse[]>(
      `${employerUrl(employerId)}/invitations`,
    );
  }

  invite(
    employerId: string,
    request: InviteEmployerUserRequest,
  ): Observable<InvitationResponse> {
    return this.http.post<InvitationResponse>(
      `${employerUrl(employerId)}/invitations`,
      request,
    );
  }

  /** Role change, or disable / enable (disabling ends every session of the user). */
  update(
    employerId: string,
    userId: string,
    request: UpdateUserRequest,
  ): Observable<UserResponse> {
    return this.http.patch<UserResponse>(
      `${employerUrl(employerId)}/users/${encodeURIComponent(userId)}`,
      request,
    );
  }
}
