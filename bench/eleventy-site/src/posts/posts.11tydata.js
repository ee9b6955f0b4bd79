// Posts are plain Markdown (no template engine runs over them), so the permalink is a function.
export default {
  layout: "post.njk",
  permalink: (data) => `/posts/${data.page.fileSlug}/`,
};
