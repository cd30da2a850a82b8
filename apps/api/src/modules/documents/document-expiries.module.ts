import { Module } from '@nestjs/common';
import { DocumentExpiriesService } from './document-expiries.service';

/**
 * Validity ends of uploaded documents, for the reminders (API or worker): needs only the database,
 * not the document storage, so the worker can import it without DocumentsModule.
 */
@Module({
  providers: [DocumentExpiriesService],
  exports: [DocumentExpiriesService],
})
export class DocumentExpiriesModule {}
