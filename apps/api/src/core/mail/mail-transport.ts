import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';

/** One rendered message, ready for SMTP. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  locale: string;
}

/**
 * The one SMTP transport of the worker (AppConfig.SMTP_URL, from AppConfig.MAIL_FROM), shared by
 * the mail queue and the reminders. `send` resolves once the server accepted the message.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly transport: Transporter;

  constructor(config: AppConfig) {
    this.transport = createTransport(
      {
        url: config.SMTP_URL,
        connectionTimeout: 10000,
        greetingTimeout: 10000,
        socketTimeout: 30000,
      },
      { from: config.MAIL_FROM },
    );
  }

  /** The Message-ID the server accepted; throws on a refusal or a network failure. */
  async send(mail: OutgoingMail): Promise<string> {
    const info = await this.transport.sendMail({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: {
        'Auto-Submitted': 'auto-generated',
        'Content-Language': mail.locale,
      },
    });
    return String(info.messageId);
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
