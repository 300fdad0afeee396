namespace ChuyenDe.Modules.Fields;

/// <summary>The model of a kind's settings view: the settings and the page's errors by input name.</summary>
public sealed record FieldSettingsView(FieldSettingsForm Settings, IReadOnlyDictionary<string, string> Errors)
{
    public string? Error(string key) => Errors.GetValueOrDefault(key);
}
