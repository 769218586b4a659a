export * from './call-list';
export * from './migration';
export * from './playbook';
export * from './call-inputs';
