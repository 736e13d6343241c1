export const say = (message) => console.log(`\x1b[36m[trellis]\x1b[0m ${message}`);
export const fail = (message) => {
  console.error(`\x1b[31m[trellis]\x1b[0m ${message}`);
  process.exit(1);
};
