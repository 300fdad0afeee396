using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Fields;

/// <summary>One field of one version, as a driver reads it: its definition, its JSON (null when absent) and the site.</summary>
public sealed record FieldContext(ContentPartFieldDefinition Definition, JsonObject? Value, SiteSettings Site)
{
    /// <summary>The field's view with nothing in it yet: its name, label and kind.</summary>
    public FieldView EmptyView => new(Definition.Name, Definition.DisplayName, Definition.FieldName);
}

/// <summary>
/// Everything a field kind does outside the engine, in one place (Orchard Core's display drivers): its public display,
/// its contribution to cards, and how its value reads in the history's diff. Found by <see cref="Kind"/> (the
/// definition's <c>FieldName</c>) through <see cref="IFieldDrivers"/>; registered with one
/// <c>services.AddFieldDriver&lt;TDriver&gt;()</c> line in <see cref="FieldsModule"/>.
/// </summary>
public interface IFieldDriver
{
    /// <summary>The field kind this driver handles, e.g. <c>TextField</c>.</summary>
    string Kind { get; }

    /// <summary>
    /// The field on an item page. A view with images or files goes to the item's gallery and downloads; any other
    /// non-empty view is listed with the item's fields.
    /// </summary>
    Task<FieldView> DisplayAsync(FieldContext context, CancellationToken ct = default);

    /// <summary>The card's summary when the field is named <c>Summary</c> (null: this kind gives none).</summary>
    string? CardSummary(FieldContext context) => null;

    /// <summary>The card's picture (null: this kind gives none); the first field that gives one wins.</summary>
    ImageView? CardImage(FieldContext context) => null;

    /// <summary>The value as readable lines for comparing two versions (titles, names, local dates), given a value.</summary>
    Task<IReadOnlyList<string>> DiffLinesAsync(FieldContext context, CancellationToken ct = default);

    /// <summary>Whether a changed value reads better shown whole ("10,5" replacing "10,776889") than word by word.</summary>
    bool DiffWholeValue => false;

    /// <summary>Whether the value is shown as several lines in the diff (a text area).</summary>
    bool DiffMultiline(ContentPartFieldDefinition field) => false;

    /// <summary>The content items the value links to, whose titles and addresses show with it (default: none).</summary>
    IEnumerable<string> LinkedItemIds(JsonObject? value) => [];

    /// <summary>What the value gives the version's search document (called with a value; default: nothing).</summary>
    Task ContributeToSearchAsync(FieldContext context, FieldSearchContribution document, CancellationToken ct = default) => Task.CompletedTask;
}

/// <summary>
/// What a part kind does outside the engine, in one place; found by <see cref="Kind"/> (the part definition's
/// <c>PartName</c>) through <see cref="IFieldDrivers.GetPart"/>; registered with one
/// <c>services.AddPartDriver&lt;TDriver&gt;()</c> line in <see cref="FieldsModule"/>.
/// </summary>
public interface IPartDriver
{
    /// <summary>The part kind this driver handles, e.g. <c>MarkdownBodyPart</c>.</summary>
    string Kind { get; }

    /// <summary>The part's contribution to an item page's body, as safe HTML (null: none).</summary>
    string? BodyHtml(JsonObject? part) => null;

    /// <summary>The part's text for the search document's body (null: none).</summary>
    string? SearchText(JsonObject? part) => null;

    /// <summary>How the part's value is compared between versions (null: it is not, beyond its fields).</summary>
    PartDiff? Diff => null;

    /// <summary>The part's value as readable lines for comparing versions (titles, names, local dates).</summary>
    Task<IReadOnlyList<string>> DiffLinesAsync(JsonObject? part, SiteSettings site, CancellationToken ct = default)
        => Task.FromResult<IReadOnlyList<string>>([]);
}

/// <summary>
/// A part's value in the comparison of versions: the JSON property compared (the row's key is
/// <c>{part}.{Property}</c>), its label when the type gives the part none, a kind (a CSS hook), whether it spans lines and
/// whether a change reads better whole.
/// </summary>
public sealed record PartDiff(string Property, string Label, string Kind, bool Multiline = false, bool WholeValue = false);

/// <summary>The drivers of the field and part kinds, by kind name.</summary>
public interface IFieldDrivers
{
    /// <summary>The driver of a field kind, or null for a kind no driver handles.</summary>
    IFieldDriver? Get(string kind);

    /// <summary>The driver of a part kind, or null for a kind no driver handles.</summary>
    IPartDriver? GetPart(string kind);
}

/// <summary>
/// The drivers of the request's scope, made when first asked for: a page answered from kept models (an item page whose
/// display model is kept) makes none of them and none of their services.
/// </summary>
internal sealed class FieldDrivers(IServiceProvider services) : IFieldDrivers
{
    private Dictionary<string, IFieldDriver>? _byKind;
    private Dictionary<string, IPartDriver>? _partsByKind;

    public IFieldDriver? Get(string kind)
        => (_byKind ??= services.GetServices<IFieldDriver>().ToDictionary(d => d.Kind, StringComparer.Ordinal)).GetValueOrDefault(kind);

    public IPartDriver? GetPart(string kind)
        => (_partsByKind ??= services.GetServices<IPartDriver>().ToDictionary(d => d.Kind, StringComparer.Ordinal)).GetValueOrDefault(kind);
}
