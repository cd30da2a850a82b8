import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DossierEntity } from '../dossiers/entities/dossier.entity';
import { NoteEntity } from './entities/note.entity';
import { NotesController } from './notes.controller';
import { NotesService } from './notes.service';

/** Firm staff's notes on employers and dossiers, internal or shared with the employer. */
@Module({
  imports: [TypeOrmModule.forFeature([NoteEntity, DossierEntity])],
  controllers: [NotesController],
  providers: [NotesService],
})
export class NotesModule {}
