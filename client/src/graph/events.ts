// The typed events the graph view raises for the UI: one map, so a listener can only subscribe to an event
// that exists, with the payload it carries.
import type { Camera } from '../types.ts';

export interface ViewEvents {
  nodeSelected: { id: string };
  selectionCleared: Record<string, never>;
  expandRequested: { id: string };
  nodeHovered: { id: string; x: number; y: number };
  nodeHoverEnded: { id: string };
  edgeHovered: { id: string; x: number; y: number };
  edgeHoverEnded: { id: string };
  /** The user or an animation moved the camera; raised once it has been still for a moment. */
  cameraChanged: Camera;
}

export type ViewEventName = keyof ViewEvents;
/** The hover family, derived rather than listed twice. */
export type HoverEvent = Extract<ViewEventName, `${string}Hovered` | `${string}HoverEnded`>;

type Listener<T> = (payload: T) => void;

export class Emitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  /** Subscribes; returns the unsubscribe function. */
  on<K extends keyof Events>(name: K, listener: Listener<Events[K]>): () => void {
    const set = this.listeners.get(name) ?? new Set();
    set.add(listener as Listener<never>);
    this.listeners.set(name, set);
    return () => set.delete(listener as Listener<never>);
  }

  emit<K extends keyof Events>(name: K, payload: Events[K]): void {
    for (const listener of this.listeners.get(name) ?? []) (listener as Listener<Events[K]>)(payload);
  }

  clear(): void {
    this.listeners.clear();
  }
}
