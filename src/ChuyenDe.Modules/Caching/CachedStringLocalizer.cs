using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// A resource localizer whose strings are looked up once per culture and name: the resources do not change while the
/// site runs, and each lookup of the <c>ResourceManager</c> takes a lock and walks the culture's fallbacks (a public page
/// asks for some 50 strings). At most <see cref="MaxNamesPerCulture"/> names are kept per culture; others are looked up
/// every time.
/// </summary>
internal sealed class CachedStringLocalizer(IStringLocalizer inner) : IStringLocalizer
{
    public const int MaxNamesPerCulture = 4096;

    private readonly ConcurrentDictionary<CultureInfo, ConcurrentDictionary<string, LocalizedString>> _byCulture = new();

    public LocalizedString this[string name]
    {
        get
        {
            var strings = _byCulture.GetOrAdd(CultureInfo.CurrentUICulture, _ => new ConcurrentDictionary<string, LocalizedString>(StringComparer.Ordinal));
            if (strings.TryGetValue(name, out var found))
            {
                return found;
            }

            found = inner[name];
            if (strings.Count < MaxNamesPerCulture)
            {
                strings.TryAdd(name, found);
            }

            return found;
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            // As the resource localizer does: the format (or the name when there is none) filled in the current culture.
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}
