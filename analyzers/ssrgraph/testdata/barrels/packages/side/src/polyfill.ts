(globalThis as any).polyfilled = true;
