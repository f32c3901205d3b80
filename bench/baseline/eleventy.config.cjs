// The engine's floor: plain Eleventy 3 turning the corpus's Markdown into one page per
// story with a single minimal layout. No data validation, images, feeds, listings or
// search, so the gap between this and the Masthead build is what Masthead itself costs.
// CommonJS so Eleventy can load it without a TypeScript loader (nothing to transpile).
const path = require('node:path');

module.exports = function baseline(eleventyConfig) {
  // The corpus lives under bench/out/, which .gitignore excludes; Eleventy would skip every file.
  eleventyConfig.setUseGitIgnore(false);
  // The input folder comes from --input (the corpus's content/); includes must be given
  // relative to it, so point them back at this folder, wherever the corpus is.
  const input = path.resolve(eleventyConfig.directories.input);
  eleventyConfig.setIncludesDirectory(path.relative(input, path.join(__dirname, '_includes')));
  // The corpus has no `layout:` key (Masthead never needs one): give every page this layout.
  eleventyConfig.addGlobalData('layout', 'base.njk');
  // Photos and other files stay where they are: the floor measures Markdown → HTML only.
  eleventyConfig.ignores.add('**/photos/**');
};

module.exports.config = {
  templateFormats: ['md'],
  // News text may contain {{ }} or {% %}: never run Markdown through a template engine.
  markdownTemplateEngine: false,
  htmlTemplateEngine: 'njk',
};
