using System.Buffers;
using System.Text;
using ColorCode;
using ColorCode.Common;
using ColorCode.Parsing;
using ColorCode.Styling;

namespace ServerlessBlog.Core.Rendering;

/// <summary>
/// Highlights code at build time into spans with short CSS classes (<c>k</c> keyword, <c>s</c> string, <c>c</c> comment,
/// <c>n</c> number, <c>t</c> type or tag, <c>a</c> attribute or key, <c>o</c> operator), styled by the theme.
/// Thread-safe: each language is compiled once and shared, and so is the parser.
/// </summary>
public static class CodeHighlighter
{
    private static readonly LanguageParser Parser = new(new HighlightingCompiler(), new LanguageCatalog());

    // ColorCode's base class wants styles, which the spans' classes make unused; StyleDictionary.DefaultLight builds a
    // new dictionary on every read, so it is read once.
    private static readonly StyleDictionary UnusedStyles = StyleDictionary.DefaultLight;

    private static readonly SearchValues<char> HtmlSpecial = SearchValues.Create("<>&\"");

    private static readonly Dictionary<string, string> LanguageAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cs"] = "c#", ["csharp"] = "c#", ["c#"] = "c#",
        ["js"] = "javascript", ["javascript"] = "javascript", ["jsx"] = "javascript", ["mjs"] = "javascript",
        ["ts"] = "typescript", ["typescript"] = "typescript", ["tsx"] = "typescript",
        ["json"] = "json", ["jsonc"] = "json",
        ["html"] = "html", ["htm"] = "html", ["xml"] = "xml", ["svg"] = "xml", ["xaml"] = "xml", ["csproj"] = "xml",
        ["css"] = "css", ["sql"] = "sql", ["java"] = "java", ["php"] = "php",
        ["c"] = "cpp", ["cpp"] = "cpp", ["c++"] = "cpp", ["h"] = "cpp",
        ["ps1"] = "powershell", ["pwsh"] = "powershell", ["powershell"] = "powershell",
        ["py"] = "python", ["python"] = "python", ["fs"] = "f#", ["fsharp"] = "f#", ["f#"] = "f#",
        ["vb"] = "vb.net", ["haskell"] = "haskell", ["hs"] = "haskell", ["fortran"] = "fortran", ["matlab"] = "matlab",
    };

    private static readonly Dictionary<string, string> ClassByScope = new(StringComparer.Ordinal)
    {
        [ScopeName.Keyword] = "k", [ScopeName.ControlKeyword] = "k", [ScopeName.PreprocessorKeyword] = "k", [ScopeName.PseudoKeyword] = "k",
        [ScopeName.String] = "s", [ScopeName.StringCSharpVerbatim] = "s", [ScopeName.JsonString] = "s", [ScopeName.XmlAttributeValue] = "s",
        [ScopeName.HtmlAttributeValue] = "s", [ScopeName.CssPropertyValue] = "s",
        [ScopeName.Comment] = "c", [ScopeName.XmlDocComment] = "c", [ScopeName.HtmlComment] = "c", [ScopeName.XmlComment] = "c",
        [ScopeName.Number] = "n", [ScopeName.JsonNumber] = "n", [ScopeName.JsonConst] = "n", [ScopeName.BuiltinValue] = "n",
        [ScopeName.Type] = "t", [ScopeName.ClassName] = "t", [ScopeName.TypeVariable] = "t", [ScopeName.NameSpace] = "t",
        [ScopeName.HtmlElementName] = "t", [ScopeName.XmlName] = "t", [ScopeName.CssSelector] = "t", [ScopeName.Constructor] = "t",
        [ScopeName.HtmlAttributeName] = "a", [ScopeName.XmlAttribute] = "a", [ScopeName.JsonKey] = "a", [ScopeName.CssPropertyName] = "a",
        [ScopeName.Attribute] = "a", [ScopeName.PowerShellVariable] = "a",
        [ScopeName.Operator] = "o", [ScopeName.HtmlOperator] = "o", [ScopeName.PowerShellOperator] = "o",
        [ScopeName.BuiltinFunction] = "b", [ScopeName.Predefined] = "b", [ScopeName.PowerShellCommand] = "b",
    };

    /// <summary>Whether <paramref name="language"/> (a fenced block's info string) can be highlighted.</summary>
    public static bool TryFindLanguage(string? language, out ILanguage found)
    {
        found = null!;
        if (string.IsNullOrEmpty(language) || !LanguageAliases.TryGetValue(language, out var id))
        {
            return false;
        }

        found = Languages.FindById(id);
        return found is not null;
    }

    /// <summary>Appends the HTML of <paramref name="code"/> highlighted as <paramref name="language"/>.</summary>
    public static void Highlight(string code, ILanguage language, StringBuilder html)
    {
        new SpanFormatter(html).Format(code, language);
    }

    private static void AppendEscaped(StringBuilder html, ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var special = text.IndexOfAny(HtmlSpecial);
            if (special < 0)
            {
                html.Append(text);
                return;
            }

            html.Append(text[..special]);
            html.Append(text[special] switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                _ => "&quot;",
            });
            text = text[(special + 1)..];
        }
    }

    /// <summary>The scopes by position; ColorCode nearly always hands them in order already, and then they are not copied.</summary>
    private static IEnumerable<Scope> InOrder(IList<Scope> scopes)
    {
        for (var i = 1; i < scopes.Count; i++)
        {
            if (scopes[i].Index < scopes[i - 1].Index)
            {
                return scopes.OrderBy(scope => scope.Index);
            }
        }

        return scopes;
    }

    private sealed class SpanFormatter(StringBuilder html) : CodeColorizerBase(UnusedStyles, Parser)
    {
        public void Format(string code, ILanguage language) =>
            languageParser.Parse(code, language, Write);

        protected override void Write(string parsedSourceCode, IList<Scope> scopes)
        {
            var position = 0;
            foreach (var scope in InOrder(scopes))
            {
                position = WriteScope(parsedSourceCode, scope, position);
            }

            AppendEscaped(html, parsedSourceCode.AsSpan(position));
        }

        private int WriteScope(string source, Scope scope, int position)
        {
            if (scope.Index < position)
            {
                return position;
            }

            AppendEscaped(html, source.AsSpan(position, scope.Index - position));
            var cssClass = ClassByScope.GetValueOrDefault(scope.Name);
            if (cssClass is not null)
            {
                html.Append("<span class=\"").Append(cssClass).Append("\">");
            }

            var end = scope.Index + scope.Length;
            var inner = scope.Index;
            foreach (var child in InOrder(scope.Children))
            {
                inner = WriteScope(source, child, inner);
            }

            AppendEscaped(html, source.AsSpan(inner, Math.Max(0, end - inner)));
            if (cssClass is not null)
            {
                html.Append("</span>");
            }

            return Math.Max(end, inner);
        }
    }
}
