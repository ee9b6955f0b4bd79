// Eleventy's side of the build benchmark: the same posts, the same kinds of pages as `blog build`.
// The benchmark script passes --input (a copy of src/ with the corpus posts in posts/) and --output.
import { rssPlugin } from "@11ty/eleventy-plugin-rss";
import syntaxHighlight from "@11ty/eleventy-plugin-syntaxhighlight";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];

// A link to another post's source file goes to that post's page, as in the other generators.
function rewriteSourceLinks(md) {
  const fallback = (tokens, idx, options, env, self) => self.renderToken(tokens, idx, options);
  const render = md.renderer.rules.link_open || fallback;
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const href = tokens[idx].attrGet("href");
    if (href && href.endsWith(".md") && !href.includes("://")) {
      const name = href.slice(href.lastIndexOf("/") + 1, -".md".length);
      tokens[idx].attrSet("href", `/posts/${name}/`);
    }
    return render(tokens, idx, options, env, self);
  };
}

// The input folder lies outside this one, so posts are told by their path inside it, not by a glob.
function isPost(item) {
  return item.page.filePathStem.startsWith("/posts/");
}

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(rssPlugin);
  eleventyConfig.addPlugin(syntaxHighlight);
  eleventyConfig.amendLibrary("md", rewriteSourceLinks);

  eleventyConfig.addCollection("posts", (api) => api.getAll().filter(isPost));
  eleventyConfig.addCollection("tagList", (api) => {
    const tags = new Set();
    for (const post of api.getAll().filter(isPost)) {
      for (const tag of post.data.tags || []) {
        tags.add(tag);
      }
    }
    return [...tags].sort();
  });

  eleventyConfig.addFilter("head", (items, count) => items.slice(0, count));
  eleventyConfig.addFilter("isoDate", (date) => date.toISOString().slice(0, 10));
  eleventyConfig.addFilter("longDate", (date) =>
    `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`);

  return {
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
    dir: { includes: "_includes", data: "_data" },
  };
}
