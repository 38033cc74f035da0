// Query hooks over the platform API's IPC channels. See docs/architecture.md ("Platform client").
export * from './keys';
export * from './action-id';
export * from './list-pages';
export * from './drivers';
export * from './installations';
export * from './processing';
export * from './webhooks';
export * from './capabilities';
export * from './names';
