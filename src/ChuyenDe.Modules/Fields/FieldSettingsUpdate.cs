using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Fields;

/// <summary>
/// What a kind's settings editor makes of posted settings: errors by input name (nothing is stored when there is one),
/// the values stored under the field's <c>{Kind}Settings</c> (merged over what is there, so settings the form does not
/// show are kept; a null value removes its key), and changes to the field's other settings made after them.
/// </summary>
public sealed class FieldSettingsUpdate(IDictionary<string, string> errors)
{
    private readonly List<Action<JsonObject>> _changes = [];
    private readonly JsonObject _values = new();

    /// <summary>An error shown beside the input named <paramref name="key"/> (the last one for a key wins).</summary>
    public void AddError(string key, string message) => errors[key] = message;

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> of the field's <c>{Kind}Settings</c>; null removes it.</summary>
    public void Set(string key, JsonNode? value) => _values[key] = value;

    /// <summary>A change to the field's whole <c>Settings</c> object, made after the values are written (e.g. the editor a text uses).</summary>
    public void Change(Action<JsonObject> change) => _changes.Add(change);

    /// <summary>Writes the values into <paramref name="kindSettings"/> (the field's <c>{Kind}Settings</c>), then makes the changes.</summary>
    public void WriteTo(JsonObject settings, JsonObject kindSettings)
    {
        foreach (var (key, value) in _values.ToList())
        {
            _values.Remove(key);
            if (value is null)
            {
                kindSettings.Remove(key);
            }
            else
            {
                kindSettings[key] = value;
            }
        }

        foreach (var change in _changes)
        {
            change(settings);
        }
    }
}
