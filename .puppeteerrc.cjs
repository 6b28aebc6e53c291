// Browsers come from Debian's packages (see scripts/browsers.mjs); never download one.
module.exports = { skipDownload: true };
