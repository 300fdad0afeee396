using Microsoft.Extensions.Primitives;

namespace ChuyenDe.Modules.Fields.Editing;

/// <summary>
/// The raw values of an editor form, keyed by input name, exactly as a browser posts them. The form is rendered from
/// these values, so what the user typed is shown again as typed, valid or not.
/// </summary>
public sealed class ContentFormValues
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>The first value of an input, or "" when there is none.</summary>
    public string Get(string key) => _values.TryGetValue(key, out var values) && values.Count > 0 ? values[0] : "";

    public IReadOnlyList<string> GetAll(string key) => _values.TryGetValue(key, out var values) ? values : [];

    public bool Contains(string key) => _values.ContainsKey(key);

    public void Set(string key, string? value)
    {
        if (value is null)
        {
            _values.Remove(key);
        }
        else
        {
            _values[key] = [value];
        }
    }

    public void SetAll(string key, IEnumerable<string> values) => _values[key] = values.ToList();

    public void Remove(string key) => _values.Remove(key);

    /// <summary>Copies posted values; anti-forgery and button inputs are harmless extra keys.</summary>
    public static ContentFormValues From(IEnumerable<KeyValuePair<string, StringValues>> form)
    {
        var result = new ContentFormValues();
        foreach (var (key, values) in form)
        {
            result._values[key] = values.Where(v => v is not null).Select(v => v!).ToList();
        }

        return result;
    }
}
