import type { Page } from 'playwright-core';

export declare const CHROMIUM: string;
export declare const CLIENT_CAPABILITIES: Record<string, unknown>;
export declare function openWorkerPage(): Promise<{ page: Page; workerBytes: number; close(): Promise<void> }>;
