/**
 * A second app process for the freeze test: opens the database named by DATA_DIR / DATABASE_URL, waits until GO_AT (ms
 * since the epoch, so that several processes start together) and freezes the population of ASSESSMENT_ID, printing
 * { frozen, count } as JSON.
 */
import { loadConfig } from '../../config.ts';
import { systemClock } from '../context.ts';
import { openDatabase } from '../db/database.ts';
import { freezePopulation } from '../modules/population/service.ts';

const config = loadConfig(process.env);
const handle = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, poolSize: 2 });
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(process.env.GO_AT) - Date.now())));
const result = await freezePopulation(
  { db: handle.db, dialect: handle.dialect, config, clock: systemClock },
  Number(process.env.ASSESSMENT_ID),
);
process.stdout.write(JSON.stringify(result));
await handle.destroy();
