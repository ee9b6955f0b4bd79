namespace ServerlessBlog.Core.Theming;

/// <summary>A theme template that cannot be parsed or rendered.</summary>
public sealed class ThemeException : Exception
{
    public ThemeException()
    {
    }

    public ThemeException(string message)
        : base(message)
    {
    }

    public ThemeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
