export * from './call-list';
export * from './migration';
export * from './playbook';
