using System.Reflection;
using Fluid;
using Fluid.Values;
using ServerlessBlog.Core.Theming.Views;

namespace ServerlessBlog.Core.Theming;

/// <summary>
/// The <c>site</c> object of every page of one site: the view, and the same as the template engine's own values, made
/// once a site rather than once a page (every page reads a dozen of its members, and each read of a plain object
/// looks its accessor up and wraps the value again). Thread-safe.
/// </summary>
internal sealed class TemplateSite
{
    private readonly Lazy<FluidValue> _liquidValue;

    public TemplateSite(SiteView view)
    {
        View = view;
        _liquidValue = new Lazy<FluidValue>(() => ValuesOf(view));
    }

    public SiteView View { get; }

    /// <summary>The site for Liquid templates; made on first use, as a theme with no Liquid template needs none.</summary>
    public FluidValue LiquidValue => _liquidValue.Value;

    private static DictionaryValue ValuesOf(SiteView site)
    {
        var values = new Dictionary<string, FluidValue>(StringComparer.Ordinal);
        foreach (var property in typeof(SiteView).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            values[MemberNameStrategies.SnakeCase(property)] = FluidValue.Create(property.GetValue(site), LiquidTemplate.Options);
        }

        return new DictionaryValue(new FluidValueDictionaryFluidIndexable(values));
    }
}
