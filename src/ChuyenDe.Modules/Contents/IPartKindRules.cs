using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Contents;

/// <summary>
/// What the engine needs to know of one part kind: the JSON shape of its value, its validation and the text in which it
/// may link files of the media library. Implemented by the part's driver (<c>Fields/&lt;Kind&gt;/&lt;Kind&gt;Driver.Rules.cs</c>)
/// and found by <see cref="Kind"/> (the type part's <c>PartName</c>) through <see cref="IContentKindRules"/>. The
/// engine's own uses of its parts (display text, routes, schedule, organisation) read them through <see cref="ContentParts"/>.
/// </summary>
public interface IPartKindRules
{
    /// <summary>The part kind, e.g. <c>TitlePart</c>.</summary>
    string Kind { get; }

    /// <summary>The part's properties and the JSON type each must have (absent properties are not checked).</summary>
    IReadOnlyDictionary<string, ValueShape> Shape { get; }

    /// <summary>Checks the part's value; errors go to <see cref="PartValidationContext.Fail"/> (nothing by default).</summary>
    Task ValidateAsync(PartValidationContext context, CancellationToken ct = default) => Task.CompletedTask;

    /// <summary>The text (Markdown or HTML of a body) in which the part may link files of the media library, or null.</summary>
    string? MediaLinkingText(JsonObject? value) => null;
}
