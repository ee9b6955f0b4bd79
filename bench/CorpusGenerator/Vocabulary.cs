namespace ServerlessBlog.Bench.CorpusGenerator;

/// <summary>The fixed word lists posts are made of, so that every corpus reads alike.</summary>
internal static class Vocabulary
{
    public static readonly string[] Words =
    [
        "the", "a", "of", "to", "and", "in", "is", "for", "on", "with", "that", "by", "as", "it", "from",
        "we", "this", "each", "every", "when", "then", "but", "not", "only", "also", "more", "less", "than",
        "build", "cache", "request", "response", "server", "client", "queue", "message", "storage", "blob",
        "container", "function", "trigger", "binding", "deploy", "release", "pipeline", "template", "page",
        "post", "feed", "index", "sitemap", "markdown", "render", "parse", "token", "header", "footer",
        "layout", "theme", "asset", "image", "script", "style", "browser", "network", "latency", "throughput",
        "memory", "thread", "task", "async", "await", "lock", "retry", "timeout", "circuit", "breaker",
        "policy", "option", "setting", "secret", "identity", "role", "scope", "tenant", "region", "zone",
        "replica", "partition", "shard", "key", "value", "record", "table", "column", "row", "query",
        "filter", "sort", "group", "count", "batch", "stream", "buffer", "file", "folder", "path", "route",
        "handler", "middleware", "logger", "metric", "trace", "span", "event", "signal", "alert", "budget",
        "quota", "limit", "error", "warning", "failure", "success", "state", "status", "version", "schema",
        "contract", "interface", "module", "package", "library", "compiler", "runtime", "process", "service",
        "quickly", "slowly", "safely", "simply", "rarely", "often", "usually", "carefully", "lazily",
        "small", "large", "fast", "slow", "cheap", "stable", "fresh", "stale", "static", "dynamic", "remote",
        "local", "shared", "private", "public", "immutable", "durable", "eventual", "strong", "hot", "cold",
        "writes", "reads", "returns", "stores", "sends", "keeps", "drops", "moves", "checks", "measures",
        "shows", "hides", "serves", "splits", "joins", "waits", "runs", "fails", "recovers", "scales",
    ];

    public static readonly string[] TitleWords =
    [
        "Caching", "Static", "Sites", "Queues", "Retries", "Feeds", "Templates", "Markdown", "Storage",
        "Functions", "Pipelines", "Deployments", "Indexes", "Sitemaps", "Latency", "Budgets", "Timeouts",
        "Identity", "Secrets", "Logging", "Tracing", "Metrics", "Builds", "Releases", "Schemas", "Contracts",
        "Threads", "Streams", "Buffers", "Partitions", "Replicas", "Routes", "Handlers", "Themes", "Assets",
    ];

    public static readonly string[] TitlePatterns =
    [
        "Notes on {0} and {1}",
        "What I Learned About {0}",
        "{0} Without {1}",
        "A Field Guide to {0}",
        "Why {0} Beat {1}",
        "Rethinking {0} for {1}",
        "{0}, {1} and the Rest",
        "Small Lessons in {0}",
    ];

    public static readonly string[] Tags =
    [
        "dotnet", "csharp", "azure", "functions", "storage", "blob", "queues", "markdown", "static-sites",
        "performance", "caching", "testing", "ci", "devops", "bicep", "security", "identity", "logging",
        "tracing", "metrics", "resilience", "polly", "http", "rest", "json", "yaml", "toml", "templates",
        "liquid", "css", "html", "accessibility", "seo", "rss", "sitemaps", "cdn", "dns", "tls", "linux",
        "bash", "git", "docker", "kubernetes", "sql", "nosql", "search", "images", "fonts", "javascript",
        "typescript", "node", "rust", "go", "python", "architecture", "design", "writing", "tooling",
        "career", "notes",
    ];

    public static readonly string[] CodeLanguages = ["csharp", "js", "bash", "json"];
}
