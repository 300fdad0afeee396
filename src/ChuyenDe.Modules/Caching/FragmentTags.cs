using Microsoft.AspNetCore.Http;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// The tags given to the page (<see cref="PageCache.Tag"/>) while a fragment is being built: what the code building it
/// read, so that the fragment is evicted with the pages showing the same (see <see cref="FragmentCache.CollectTags"/>).
/// </summary>
public sealed class FragmentTags : IDisposable
{
    private readonly HttpContext? _context;
    private readonly FragmentTags? _outer;
    private readonly HashSet<string> _tags = new(StringComparer.Ordinal);

    internal FragmentTags(HttpContext? context)
    {
        _context = context;
        if (context is not null)
        {
            _outer = context.Features.Get<FragmentTags>();
            context.Features.Set(this);
        }
    }

    /// <summary>The tags collected so far.</summary>
    public IReadOnlySet<string> Tags => _tags;

    internal void Add(string tag)
    {
        _tags.Add(tag);
        _outer?.Add(tag);
    }

    /// <summary>Adds tags the caller knows the fragment shows.</summary>
    public void AddRange(IEnumerable<string> tags)
    {
        foreach (var tag in tags)
        {
            Add(tag);
        }
    }

    public void Dispose()
    {
        if (_context is not null && ReferenceEquals(_context.Features.Get<FragmentTags>(), this))
        {
            _context.Features.Set(_outer);
        }
    }
}
