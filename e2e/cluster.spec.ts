import { defineClusterTests } from './cluster-suite';

// Three servers on one SQLite database behind nginx (e2e/cluster-suite.ts).
defineClusterTests('sqlite');
