/** Size of a task's box in the graph; shared by the layout (worker) and the drawing (page). */
export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 44;
