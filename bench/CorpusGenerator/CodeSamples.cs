using System.Globalization;
using System.Text;

namespace ServerlessBlog.Bench.CorpusGenerator;

/// <summary>Fenced code blocks in the languages a blog like ours shows most.</summary>
internal static class CodeSamples
{
    public static void Append(StringBuilder text, Random random)
    {
        var language = Vocabulary.CodeLanguages[random.Next(Vocabulary.CodeLanguages.Length)];
        var name = Vocabulary.TitleWords[random.Next(Vocabulary.TitleWords.Length)];
        var number = random.Next(1, 1000);
        var body = language switch
        {
            "csharp" => CSharp(name, number),
            "js" => JavaScript(name, number),
            "bash" => Bash(name, number),
            _ => Json(name, number),
        };
        text.Append("```").Append(language).Append('\n').Append(body).Append("```\n\n");
    }

    private static string CSharp(string name, int number) => string.Create(CultureInfo.InvariantCulture, $$"""
        public sealed class {{name}}Service(ILogger<{{name}}Service> logger)
        {
            private const int Limit = {{number}};

            public async Task<int> RunAsync(IEnumerable<string> items, CancellationToken cancellationToken = default)
            {
                var count = 0;
                foreach (var item in items.Take(Limit))
                {
                    await Task.Delay(1, cancellationToken);
                    logger.LogInformation("Handled {Item}", item);
                    count++;
                }

                return count;
            }
        }

        """);

    private static string JavaScript(string name, int number) => string.Create(CultureInfo.InvariantCulture, $$"""
        export async function load{{name}}(url, retries = {{number % 5 + 1}}) {
          for (let attempt = 0; attempt < retries; attempt++) {
            const response = await fetch(url);
            if (response.ok) {
              return response.json();
            }
            await new Promise((resolve) => setTimeout(resolve, {{number}} * attempt));
          }
          throw new Error(`gave up on ${url}`);
        }

        """);

    private static string Bash(string name, int number) => string.Create(CultureInfo.InvariantCulture, $$"""
        set -euo pipefail
        name="{{name.ToLowerInvariant()}}"
        for i in $(seq 1 {{number % 20 + 1}}); do
          echo "run $i of $name"
        done | tee "/tmp/$name.log"
        grep -c run "/tmp/$name.log"

        """);

    private static string Json(string name, int number) => string.Create(CultureInfo.InvariantCulture, $$"""
        {
          "name": "{{name.ToLowerInvariant()}}",
          "limit": {{number}},
          "enabled": true,
          "tags": ["bench", "sample"],
          "retry": { "count": {{number % 7}}, "delayMs": 250 }
        }

        """);
}
