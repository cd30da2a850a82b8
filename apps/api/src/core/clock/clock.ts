import { Global, Injectable, Module } from '@nestjs/common';

/**
 * "Now", injected: every time-dependent rule of the reminders (what is due today, digest time,
 * leases) reads it from here, so tests set the time instead of sleeping. Production uses the system
 * clock; a test overrides the provider with a clock it moves by hand.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** Provides the Clock to every module of the process. */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
