import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  API_ERROR_CODES,
  ReminderSettingsResponse,
  UpdateReminderSettingsRequest,
} from '@moisson/contract';
import {
  DEFAULT_REMINDER_SETTINGS,
  ReminderSettings,
  validateReminderSettings,
} from '@moisson/domain';
import { Repository } from 'typeorm';
import type { AuthContext } from '../../core/auth/auth-context';
import { ApiException } from '../../core/http/api-exception';
import { ReminderSettingsEntity } from './entities/reminder-settings.entity';

/** One employer's reminder settings: the domain's defaults until its owner saves them. */
@Injectable()
export class ReminderSettingsService {
  constructor(
    @InjectRepository(ReminderSettingsEntity)
    private readonly settings: Repository<ReminderSettingsEntity>,
  ) {}

  async get(employerId: string): Promise<ReminderSettingsResponse> {
    const row = await this.settings.findOneBy({ employerId });
    return toResponse(employerId, row);
  }

  /**
   * Merges the change into the current settings and checks the result with the domain's rules
   * (validateReminderSettings): any problem is a 400 naming each field, and nothing is saved.
   */
  async update(
    auth: AuthContext,
    employerId: string,
    change: UpdateReminderSettingsRequest,
  ): Promise<ReminderSettingsResponse> {
    const current = await this.settings.findOneBy({ employerId });
    const merged: ReminderSettings = {
      ...(current ? settingsOf(current) : DEFAULT_REMINDER_SETTINGS),
      ...definedFields(change),
    };
    const violations = validateReminderSettings(merged);
    if (violations.length > 0)
      throw new ApiException(
        400,
        API_ERROR_CODES.VALIDATION_FAILED,
        {
          fr: `Réglages des rappels refusés : ${violations.map((v) => v.message.fr).join(' ')}`,
          en: `Reminder settings refused: ${violations.map((v) => v.message.en).join(' ')}`,
        },
        violations.map((v) => ({ field: v.field, message: v.message })),
      );
    await this.settings.upsert(
      {
        employerId,
        convocationOverdueDays: merged.convocationOverdueDays,
        convocationRepeatDays: merged.convocationRepeatDays,
        language: merged.language,
        extraRecipients: merged.extraRecipients.map((a) =>
          a.trim().toLowerCase(),
        ),
        updatedBy: auth.user.id,
      },
      ['employerId'],
    );
    return this.get(employerId);
  }
}

function definedFields(
  change: UpdateReminderSettingsRequest,
): Partial<ReminderSettings> {
  return Object.fromEntries(
    Object.entries(change).filter(([, value]) => value !== undefined),
  ) as Partial<ReminderSettings>;
}

function settingsOf(row: ReminderSettingsEntity): ReminderSettings {
  return {
    convocationOverdueDays: row.convocationOverdueDays,
    convocationRepeatDays: row.convocationRepeatDays,
    language: row.language,
    extraRecipients: row.extraRecipients,
  };
}

function toResponse(
  employerId: string,
  row: ReminderSettingsEntity | null,
): ReminderSettingsResponse {
  const settings = row ? settingsOf(row) : DEFAULT_REMINDER_SETTINGS;
  return {
    employerId,
    convocationOverdueDays: settings.convocationOverdueDays,
    convocationRepeatDays: settings.convocationRepeatDays,
    language: settings.language,
    extraRecipients: [...settings.extraRecipients],
    customised: row !== null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}
