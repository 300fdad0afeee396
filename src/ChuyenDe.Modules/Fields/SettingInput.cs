namespace ChuyenDe.Modules.Fields;

/// <summary>
/// One text input of a settings form with its label, hint and error (<c>Fields/Views/Shared/_SettingInput.cshtml</c>);
/// <see cref="Key"/> is its name and id, the hint's id is <c>{Key}-hint</c> and the error's <c>{Key}-error</c>.
/// </summary>
public sealed record SettingInput(string Key, string Label, string? Value, string? Hint, string? Error, string InputMode = "text")
{
    /// <summary>The partial view that shows a text input.</summary>
    public const string View = "~/Fields/Views/Shared/_SettingInput.cshtml";

    /// <summary>The ids of the hint and the error, for <c>aria-describedby</c> (null when there is neither).</summary>
    public string? DescribedBy
        => string.Join(' ', new[] { Hint is null ? null : Key + "-hint", Error is null ? null : Key + "-error" }.Where(s => s is not null)) is { Length: > 0 } ids
            ? ids
            : null;
}
