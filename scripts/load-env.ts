/** Loads .env files the way Next does, so scripts see the same configuration as the server. */
import nextEnv from '@next/env';

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => undefined, error: console.error });
