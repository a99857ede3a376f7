// After `npm install`: on a Node.js older than Astro needs, say that this is fine.
// Quire installs Node.js 22 into node_modules, and every npm script runs on it; npm's
// `EBADENGINE` warnings about it are silenced by .npmrc, and shown with --loglevel=warn.
// Plain JavaScript, since it must run on whichever Node.js npm runs it with.
const agent = process.env.npm_config_user_agent ?? '';
const running = /\bnode\/v(\d+)\.(\d+)/.exec(agent) ?? /^v(\d+)\.(\d+)/.exec(process.version);
const [major, minor] = running ? [Number(running[1]), Number(running[2])] : [0, 0];
if (major < 22 || (major === 22 && minor < 12)) {
  console.log(
    [
      '',
      `Quire: this machine has Node.js ${major}.${minor}; Quire has installed Node.js 22 into node_modules, and npm start, npm run build and every other npm script run on it.`,
      'Nothing is wrong; run npm start.',
      '',
    ].join('\n'),
  );
}
