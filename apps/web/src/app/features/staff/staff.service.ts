import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  InvitationResponse,
  InviteStaffRequest,
  UpdateUserRequest,
  UserResponse,
} from '@moisson/contract';
import { Observable } from 'rxjs';

export const STAFF_URL = '/api/staff';

/** HTTP calls about the firm's own team (`/api/staff`). */
@Injectable({ providedIn: 'root' })
export class StaffService {
  private readonly http = inject(HttpClient);

  list(): Observable<UserResponse[]> {
    return this.http.get<UserResponse[]>(STAFF_URL);
  }

  /** Invitations to the firm not accepted yet (firm admins). */
  invitations(): Observable<InvitationResponse[]> {
    return this.http.get<InvitationResponse[]>(`${STAFF_URL}/invitations`);
  }

  invite(request: InviteStaffRequest): Observable<InvitationResponse> {
    return this.http.post<InvitationResponse>(
      `${STAFF_URL}/invitations`,
      request,
    );
  }

  update(id: string, request: UpdateUserRequest): Observable<UserResponse> {
    return this.http.patch<UserResponse>(
      `${STAFF_URL}/${encodeURIComponent(id)}`,
      request,
    );
  }
}
