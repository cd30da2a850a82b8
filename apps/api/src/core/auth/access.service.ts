import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { API_ERROR_CODES, isFirmRole } from '@moisson/contract';
import { Repository } from 'typeorm';
import { EmployerEntity } from '../../modules/employers/entities/employer.entity';
import { ApiException } from '../http/api-exception';
import type { AuthContext } from './auth-context';

/**
 * The one place that decides which employer a caller may reach: firm staff reach every employer,
 * an employer's users only their own. Anything else is "not found" (404), never "forbidden", so an
 * id reveals nothing about other employers.
 */
@Injectable()
export class AccessService {
  constructor(
    @InjectRepository(EmployerEntity)
    private readonly employers: Repository<EmployerEntity>,
  ) {}

  async requireEmployer(
    auth: AuthContext,
    employerId: string,
  ): Promise<EmployerEntity> {
    if (!isFirmRole(auth.user.role) && auth.user.employerId !== employerId)
      throw employerNotFound(employerId);
    // find by primary key (one query; findOne with a relation sends two).
    const [employer] = await this.employers.find({
      where: { id: employerId },
      relations: { assignedStaff: true },
    });
    if (!employer) throw employerNotFound(employerId);
    return employer;
  }

  /**
   * The same decision when only the id is needed (hot read routes): an employer's user reaches their
   * own employer, which exists (their user row references it) and needs no query; firm staff reach
   * any employer that exists (one light query). Anything else: 404, exactly as requireEmployer.
   */
  async requireEmployerId(
    auth: AuthContext,
    employerId: string,
  ): Promise<string> {
    if (!isFirmRole(auth.user.role)) {
      if (auth.user.employerId !== employerId)
        throw employerNotFound(employerId);
      return employerId;
    }
    if (!(await this.employers.existsBy({ id: employerId })))
      throw employerNotFound(employerId);
    return employerId;
  }
}

export function employerNotFound(id: string): ApiException {
  return new ApiException(404, API_ERROR_CODES.NOT_FOUND, {
    fr: `Aucun employeur avec l'identifiant ${id} n'a été trouvé.`,
    en: `No employer with the id ${id} was found.`,
  });
}
