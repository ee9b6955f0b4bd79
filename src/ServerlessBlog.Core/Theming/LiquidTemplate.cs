using System.Globalization;
using Fluid;
using ServerlessBlog.Core.Theming.Views;

namespace ServerlessBlog.Core.Theming;

/// <summary>A template of the theme read from a Liquid file, parsed once.</summary>
internal sealed class LiquidTemplate : ThemeTemplate
{
    /// <summary>
    /// The options compile a member accessor for every view type: built once a process, shared by every theme and
    /// build, rather than once a renderer (each set of accessors leaves dynamic methods for the finalizer to collect).
    /// </summary>
    internal static readonly TemplateOptions Options = CreateOptions();

    private readonly IFluidTemplate _template;

    public LiquidTemplate(string name, IFluidTemplate template)
        : base(name)
    {
        _template = template;
    }

    private static Type[] ViewTypes =>
    [
        typeof(SiteView), typeof(PageView), typeof(LinkView), typeof(TagView), typeof(PostView), typeof(PostCardView),
        typeof(ListView), typeof(ListGroupView), typeof(ArchiveView), typeof(ArchiveYearView), typeof(ArchiveMonthView),
        typeof(RedirectView),
    ];

    public override void Render(TextWriter output, TemplateModel model)
    {
        var context = new TemplateContext(Options);
        context.SetValue("site", model.Site.LiquidValue);
        if (model.Page is not null)
        {
            context.SetValue("page", model.Page);
        }

        context.SetValue(model.Name, model.Model);
        if (model.Content is not null)
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            model.RenderContent(writer);
            context.SetValue("content", writer.ToString());
        }

        Render(output, context);
    }

    private void Render(TextWriter output, TemplateContext context)
    {
        try
        {
            // Writing to memory never waits: the task has completed when it returns.
            _template.RenderAsync(output, context, Encoder).AsTask().GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ThemeException and not OutOfMemoryException)
        {
            // A template's own arithmetic or filters can throw anything (a modulo by zero): it is the theme's error.
            throw new ThemeException($"{Name}{Theme.TemplateExtension}: {ex.Message}", ex);
        }
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
}
