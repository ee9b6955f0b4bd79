using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using ServerlessBlog.Core.Theming.Views;

namespace ServerlessBlog.Core.Theming;

/// <summary>
/// Renders a page with a theme: the page's own template, then the layout around it.
/// Thread-safe; the template options are built once a process.
/// </summary>
public sealed class PageRenderer
{
    // Encode what HTML needs encoded, and leave the text of every script as it is.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    // Encoding.UTF8 without its byte order mark; invalid text is replaced as Encoding.UTF8.GetBytes replaces it.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private const int LayoutBytes = 6 * 1024;

    // The options compile a member accessor for every view type: built once a process, shared by every theme and
    // build, rather than once a renderer (each set of accessors leaves dynamic methods for the finalizer to collect).
    private static readonly TemplateOptions Options = CreateOptions();

    private readonly Theme _theme;
    private readonly FluidValue _site;

    public PageRenderer(Theme theme, SiteView site)
    {
        _theme = theme;
        _site = ValuesOf(site);
    }

    /// <summary>
    /// The <c>site</c> object as the template engine's own values, made once: every page reads a dozen of its members,
    /// and each read of a plain object looks its accessor up and wraps the value again.
    /// </summary>
    private static DictionaryValue ValuesOf(SiteView site)
    {
        var values = new Dictionary<string, FluidValue>(StringComparer.Ordinal);
        foreach (var property in typeof(SiteView).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            values[MemberNameStrategies.SnakeCase(property)] = FluidValue.Create(property.GetValue(site), Options);
        }

        return new DictionaryValue(new FluidValueDictionaryFluidIndexable(values));
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions
        {
            CultureInfo = CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
        };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        foreach (var type in ViewTypes)
        {
            options.MemberAccessStrategy.Register(type);
        }

        return options;
    }

    private static Type[] ViewTypes =>
    [
        typeof(SiteView), typeof(PageView), typeof(LinkView), typeof(TagView), typeof(PostView), typeof(PostCardView),
        typeof(ListView), typeof(ListGroupView), typeof(ArchiveView), typeof(ArchiveYearView), typeof(ArchiveMonthView),
        typeof(RedirectView),
    ];

    /// <summary>Renders <paramref name="template"/> with <paramref name="model"/> as <paramref name="modelName"/>, inside the layout.</summary>
    public string RenderPage(string template, PageView page, string modelName, object model)
    {
        var context = CreateContext();
        context.SetValue("page", page);
        context.SetValue(modelName, model);
        var content = Render(template, context);
        context.SetValue("content", content);
        return Render(Theme.Layout, context);
    }

    /// <summary>
    /// As <see cref="RenderPage"/>, as the UTF-8 bytes of the page: the layout is written straight to bytes,
    /// without first becoming a string of twice their size.
    /// </summary>
    public ReadOnlyMemory<byte> RenderPageUtf8(string template, PageView page, string modelName, object model)
    {
        var context = CreateContext();
        context.SetValue("page", page);
        context.SetValue(modelName, model);
        var content = Render(template, context);
        context.SetValue("content", content);

        // The layout adds a few kilobytes of markup around the content.
        using var writer = new Utf8PageWriter(Utf8, content.Length + LayoutBytes);
        Render(Theme.Layout, context, writer);
        return writer.WrittenMemory;
    }

    /// <summary>Renders a template that is a whole document by itself, such as a redirect.</summary>
    public string RenderDocument(string template, string modelName, object model)
    {
        var context = CreateContext();
        context.SetValue(modelName, model);
        return Render(template, context);
    }

    private TemplateContext CreateContext()
    {
        var context = new TemplateContext(Options);
        context.SetValue("site", _site);
        return context;
    }

    private string Render(string template, TemplateContext context)
    {
        try
        {
            return _theme[template].Render(context, Encoder);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            throw new ThemeException($"{template}{Theme.TemplateExtension}: {ex.Message}", ex);
        }
    }

    private void Render(string template, TemplateContext context, TextWriter output)
    {
        try
        {
            // Writing to memory never waits: the task has completed when it returns.
            _theme[template].RenderAsync(output, context, Encoder).AsTask().GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            throw new ThemeException($"{template}{Theme.TemplateExtension}: {ex.Message}", ex);
        }
    }
}
