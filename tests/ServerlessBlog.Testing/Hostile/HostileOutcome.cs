namespace ServerlessBlog.Testing.Hostile;

/// <summary>What must become of one hostile or broken upload.</summary>
public enum HostileOutcome
{
    /// <summary>Published, safely: its page (or the asset) is on the site and nothing in it runs script.</summary>
    Published,

    /// <summary>Refused with a reason an author can read; the site is left exactly as it was.</summary>
    Rejected,

    /// <summary>Not the site's business (hidden files, names of dots): no status, no change.</summary>
    Ignored,
}
