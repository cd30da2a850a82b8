/** A handler per job name, typed by the queue's payload map. */
export type JobHandlers<Payloads> = {
  [Name in keyof Payloads]: (payload: Payloads[Name]) => Promise<void>;
};
