namespace ServerlessBlog.Core.Tests;

/// <summary>Hooks for <see cref="HookedStateStore"/> and <see cref="HookedSiteStore"/>.</summary>
internal static class StoreHooks
{
    /// <summary>Fails the first request whose path <paramref name="which"/> picks, and no other.</summary>
    public static Func<string, Task> FailingOnce(Func<string, bool> which)
    {
        var armed = 1;
        return path => which(path) && Interlocked.Exchange(ref armed, 0) == 1 ? throw new IOException($"{path}: injected failure") : Task.CompletedTask;
    }
}
