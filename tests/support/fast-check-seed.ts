// Property tests draw new cases on every local run, so running the suite keeps searching. Under
// CI=true they start from one fixed seed, so whether CI passes depends on the code alone.
// FC_SEED chooses the seed either way; fast-check prints the seed and the path of any failure,
// which reproduce it with FC_SEED (or `seed` and `path` in the test's parameters).
import fc from "fast-check";

export const CI_SEED = 20_261_121;

export function propertySeed(env: NodeJS.ProcessEnv): number | undefined {
  if (env.FC_SEED !== undefined && env.FC_SEED !== "") {
    const seed = Number(env.FC_SEED);
    if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, got "${env.FC_SEED}"`);
    return seed;
  }
  return env.CI === "true" ? CI_SEED : undefined;
}

const seed = propertySeed(process.env);
if (seed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
