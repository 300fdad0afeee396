namespace ChuyenDe.Modules.Media;

/// <summary>
/// For recipe steps that refer to media files (a report round's plan documents): whether a path names a file of the
/// media library, counting the files an earlier <c>media</c> step of the recipe being applied has written — those are
/// staged and only moved into place when the recipe commits.
/// </summary>
public interface IRecipeMediaFiles
{
    /// <summary>Whether <paramref name="path"/> is a safe media path of an existing file or of one this recipe has written.</summary>
    Task<bool> ExistsAsync(string path, CancellationToken ct = default);
}

/// <summary>Scoped: one recipe run. The <c>media</c> step records each target path it writes or finds unchanged.</summary>
internal sealed class RecipeMediaFiles(IMediaStore store) : IRecipeMediaFiles
{
    private readonly HashSet<string> written = new(StringComparer.Ordinal);

    internal void Add(string path) => written.Add(path);

    public async Task<bool> ExistsAsync(string path, CancellationToken ct = default)
        => FileSystemMediaStore.IsSafe(path) && (written.Contains(path) || await store.ExistsAsync(path, ct));
}
