namespace ChuyenDe.Modules.Caching;

/// <summary>
/// One cross-node invalidation: which cache (<see cref="Kind"/>, e.g. <see cref="CacheInvalidationKinds.PageTags"/>) and
/// the tags or keys to drop.
/// </summary>
public sealed record CacheInvalidation(string Kind, IReadOnlyList<string> Keys);
