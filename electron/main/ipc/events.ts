// Main → renderer notifications. Services emit through this bus; the platform (ipc to each window) and
// the test bridge (to each socket) subscribe. Payloads are checked against the contract before they
// leave, like handler replies.
import { events, type EventName, type EventPayload } from '../../../shared/ipc/contract';

export type EventDelivery = (name: EventName, payload: unknown) => void;

export interface EventBus {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** Adds a delivery target (a window, a socket); returns its removal. */
  deliverTo(delivery: EventDelivery): () => void;
}

export function createEventBus(): EventBus {
  const deliveries = new Set<EventDelivery>();
  return {
    emit(name, payload) {
      const checked = events[name].parse(payload);
      for (const deliver of deliveries) deliver(name, checked);
    },
    deliverTo(delivery) {
      deliveries.add(delivery);
      return () => deliveries.delete(delivery);
    },
  };
}
