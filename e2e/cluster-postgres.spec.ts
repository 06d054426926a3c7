import { defineClusterTests } from './cluster-suite';

// Three servers on one PostgreSQL database with one Redis, behind nginx (e2e/cluster-suite.ts);
// with Redis and then PostgreSQL stopped and started again mid-run.
defineClusterTests('postgres');
