import type * as vscode from 'vscode';

/** Base for long-lived objects: children registered here are disposed with their owner, once. */
export abstract class Disposable implements vscode.Disposable {
  private readonly children: vscode.Disposable[] = [];
  private disposed = false;

  protected register<T extends vscode.Disposable>(child: T): T {
    if (this.disposed) {
      child.dispose();
    } else {
      this.children.push(child);
    }
    return child;
  }

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    for (const child of this.children.splice(0).reverse()) {
      child.dispose();
    }
  }
}
