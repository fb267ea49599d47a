import { svg } from '../dom';

const MIN_SCALE = 0.15;
const MAX_SCALE = 2.5;
const KEY_PAN = 60;
/** Pointer travel (px) below which a press is a click, not a drag. */
const DRAG_THRESHOLD = 4;

export interface Size {
  width: number;
  height: number;
}

/**
 * Pan and zoom over an SVG drawing: the wheel zooms around the pointer, dragging pans, and the
 * keyboard (on the focused view) pans with the arrows and zooms with + and -, 0 fits.
 */
export class Viewport {
  readonly world = svg('g', { class: 'graph-world' });
  private scale = 1;
  private x = 0;
  private y = 0;
  private content: Size = { width: 0, height: 0 };
  private drag: { id: number; x: number; y: number; moved: boolean } | undefined;
  /** True right after a drag, so the click that ends it does not select a node. */
  private suppressClick = false;

  constructor(
    readonly element: SVGSVGElement,
    private readonly onChange: (scale: number) => void,
  ) {
    element.append(this.world);
    element.addEventListener('wheel', this.onWheel, { passive: false });
    element.addEventListener('pointerdown', this.onPointerDown);
    element.addEventListener('pointermove', this.onPointerMove);
    element.addEventListener('pointerup', this.onPointerUp);
    element.addEventListener('pointercancel', this.onPointerUp);
    element.addEventListener('click', this.onClickCapture, true);
    element.addEventListener('keydown', this.onKeyDown);
  }

  get zoom(): number {
    return this.scale;
  }

  /**
   * New drawing of this size. `fit` shows it across the view's width (not below 40 %); otherwise
   * the zoom and position stay as the person left them.
   */
  setContent(size: Size, fit: boolean): void {
    this.content = size;
    if (fit) {
      this.fitWidth();
    } else {
      this.set(this.scale, this.x, this.y);
    }
  }

  fitWidth(): void {
    const view = this.viewSize();
    const scale = Math.min(1, view.width / Math.max(1, this.content.width));
    this.set(Math.max(0.4, scale), 0, 0);
  }

  /** The whole drawing in view. */
  fitAll(): void {
    const view = this.viewSize();
    const scale = Math.min(
      1,
      view.width / Math.max(1, this.content.width),
      view.height / Math.max(1, this.content.height),
    );
    this.set(scale, (view.width - this.content.width * scale) / 2, 0);
  }

  zoomBy(factor: number, at?: { x: number; y: number }): void {
    const view = this.viewSize();
    const point = at ?? { x: view.width / 2, y: view.height / 2 };
    const scale = clamp(this.scale * factor, MIN_SCALE, MAX_SCALE);
    const ratio = scale / this.scale;
    this.set(scale, point.x - (point.x - this.x) * ratio, point.y - (point.y - this.y) * ratio);
  }

  reset(): void {
    this.set(1, 0, 0);
  }

  panBy(dx: number, dy: number): void {
    this.set(this.scale, this.x + dx, this.y + dy);
  }

  /** Pans just enough to show the box (drawing coordinates) with a small margin. */
  reveal(box: { x: number; y: number; width: number; height: number }): void {
    const view = this.viewSize();
    const margin = 16;
    const left = box.x * this.scale + this.x;
    const top = box.y * this.scale + this.y;
    const right = left + box.width * this.scale;
    const bottom = top + box.height * this.scale;
    let dx = 0;
    let dy = 0;
    if (left < margin) {
      dx = margin - left;
    } else if (right > view.width - margin) {
      dx = view.width - margin - right;
    }
    if (top < margin) {
      dy = margin - top;
    } else if (bottom > view.height - margin) {
      dy = view.height - margin - bottom;
    }
    if (dx !== 0 || dy !== 0) {
      this.panBy(dx, dy);
    }
  }

  private set(scale: number, x: number, y: number): void {
    const view = this.viewSize();
    // Keep at least a corner of the drawing on screen.
    const minX = Math.min(0, view.width - this.content.width * scale) - view.width / 2;
    const minY = Math.min(0, view.height - this.content.height * scale) - view.height / 2;
    this.scale = scale;
    this.x = clamp(x, minX, view.width / 2);
    this.y = clamp(y, minY, view.height / 2);
    this.world.setAttribute(
      'transform',
      `translate(${this.x.toFixed(1)} ${this.y.toFixed(1)}) scale(${this.scale.toFixed(4)})`,
    );
    this.onChange(this.scale);
  }

  private viewSize(): Size {
    const rect = this.element.getBoundingClientRect();
    return { width: rect.width || 800, height: rect.height || 400 };
  }

  private readonly onWheel = (event: WheelEvent): void => {
    event.preventDefault();
    const rect = this.element.getBoundingClientRect();
    const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
    this.zoomBy(Math.exp(-delta * 0.0015), {
      x: event.clientX - rect.left,
      y: event.clientY - rect.top,
    });
  };

  private readonly onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0) {
      return;
    }
    this.drag = { id: event.pointerId, x: event.clientX, y: event.clientY, moved: false };
  };

  private readonly onPointerMove = (event: PointerEvent): void => {
    const drag = this.drag;
    if (!drag || drag.id !== event.pointerId) {
      return;
    }
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) {
      return;
    }
    if (!drag.moved) {
      drag.moved = true;
      this.element.setPointerCapture(event.pointerId);
      this.element.classList.add('panning');
    }
    drag.x = event.clientX;
    drag.y = event.clientY;
    this.panBy(dx, dy);
  };

  private readonly onPointerUp = (event: PointerEvent): void => {
    if (this.drag?.id !== event.pointerId) {
      return;
    }
    this.suppressClick = this.drag.moved;
    this.drag = undefined;
    this.element.classList.remove('panning');
  };

  private readonly onClickCapture = (event: MouseEvent): void => {
    if (this.suppressClick) {
      this.suppressClick = false;
      event.stopPropagation();
      event.preventDefault();
    }
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.target !== this.element) {
      // Keys on a node are the node's (it moves between nodes with the arrows).
      if (event.key === '+' || event.key === '=' || event.key === '-' || event.key === '0') {
        this.zoomKey(event);
      }
      return;
    }
    const pans: Record<string, [number, number]> = {
      ArrowLeft: [KEY_PAN, 0],
      ArrowRight: [-KEY_PAN, 0],
      ArrowUp: [0, KEY_PAN],
      ArrowDown: [0, -KEY_PAN],
    };
    const pan = pans[event.key];
    if (pan) {
      event.preventDefault();
      this.panBy(pan[0], pan[1]);
      return;
    }
    this.zoomKey(event);
  };

  private zoomKey(event: KeyboardEvent): void {
    if (event.key === '+' || event.key === '=') {
      event.preventDefault();
      this.zoomBy(1.25);
    } else if (event.key === '-') {
      event.preventDefault();
      this.zoomBy(0.8);
    } else if (event.key === '0') {
      event.preventDefault();
      this.fitAll();
    }
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
