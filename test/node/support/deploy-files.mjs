// Reads the deployment files in deploy/ the way their tools do, for the tests that check them here:
// no Docker engine, registry or systemd instance runs in CI, so the tests check what the files say
// and run what can run on this machine (the image's start and health-check commands).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const deploy = new URL('../../../deploy/', import.meta.url).pathname;

export const deployFile = (name) => readFileSync(join(deploy, name), 'utf8');

/** The Dockerfile's stages, each with its instructions ({ instruction, args }); continuation lines joined. */
export function dockerfileStages() {
  const lines = deployFile('Dockerfile').replace(/\\\n/g, ' ').split('\n').map((line) => line.trim());
  const stages = [];
  for (const line of lines) {
    if (line === '' || line.startsWith('#')) continue;
    const [, instruction, args] = /^(\S+)\s+(.*)$/.exec(line);
    if (instruction.toUpperCase() === 'FROM') stages.push({ from: args, instructions: [] });
    stages.at(-1).instructions.push({ instruction: instruction.toUpperCase(), args });
  }
  return stages;
}

/** The last value of an instruction in a stage; JSON (exec form) arrays are parsed. */
export function instruction(stage, name) {
  const found = stage.instructions.filter((entry) => entry.instruction === name).at(-1)?.args;
  if (found === undefined) return undefined;
  const exec = found.replace(/^--\S+\s+/g, '');
  if (name === 'HEALTHCHECK') {
    const command = /\bCMD\s+(\[.*\])\s*$/.exec(found)?.[1];
    return { options: found, command: command ? JSON.parse(command) : undefined };
  }
  return exec.startsWith('[') ? JSON.parse(exec) : found;
}

/** ENV of a stage as an object (the `KEY=value KEY=value` form). */
export function stageEnv(stage) {
  const env = {};
  for (const { instruction: name, args } of stage.instructions) {
    if (name !== 'ENV') continue;
    for (const [, key, value] of args.matchAll(/(\w+)=(\S*)/g)) env[key] = value;
  }
  return env;
}

/** compose.yaml as Compose reads it (YAML merge keys resolved). */
export const compose = () => parse(deployFile('compose.yaml'), { merge: true });

/** The systemd unit's [Service] keys (last value wins; Environment= kept as a list). */
export function systemdService() {
  const service = { Environment: [] };
  let section = '';
  for (const raw of deployFile('encounter-survey-collector.service').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('[')) section = line;
    else if (section === '[Service]') {
      const [key, ...value] = line.split('=');
      if (key === 'Environment') service.Environment.push(value.join('='));
      else service[key] = value.join('=');
    }
  }
  return service;
}
