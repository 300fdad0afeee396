namespace ChuyenDe.Modules.Fields;

/// <summary>One check box of a settings form (<c>Fields/Views/Shared/_SettingCheck.cshtml</c>); <see cref="Key"/> is its name and id.</summary>
public sealed record SettingCheck(string Key, bool Value, string Label)
{
    /// <summary>The partial view that shows a check box.</summary>
    public const string View = "~/Fields/Views/Shared/_SettingCheck.cshtml";
}
