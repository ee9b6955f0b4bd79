namespace ServerlessBlog.Core.Publishing;

/// <summary>What publishing or unpublishing one file did.</summary>
public enum PublishOutcome
{
    /// <summary>The post or asset is now live as uploaded.</summary>
    Published,

    /// <summary>The same bytes were already published: nothing was written.</summary>
    Unchanged,

    /// <summary>The post is a draft or dated in the future; it is recorded and waits.</summary>
    Pending,

    /// <summary>The post or asset was taken off the site.</summary>
    Unpublished,

    /// <summary>The post cannot be published; the reason is recorded where an author can read it, and the previous version stays online.</summary>
    Rejected,
}
