using System.Text.Json;
using System.Text.Json.Serialization;
using ChuyenDe.Modules.Reports.Indicators;

namespace ChuyenDe.Modules.Reports;

/// <summary>How outlines and indicator sets are stored in their JSON columns and written in recipes: the contract's records, enums by name.</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IReadOnlyList<OutlineSection> ReadOutline(string? json)
        => string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<OutlineSection>>(json, Options) ?? [];

    public static IReadOnlyList<IndicatorDefinition> ReadIndicators(string? json)
        => string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<IndicatorDefinition>>(json, Options) ?? [];

    public static string Write(IReadOnlyList<OutlineSection> outline) => JsonSerializer.Serialize(outline, Options);

    public static string Write(IReadOnlyList<IndicatorDefinition> indicators) => JsonSerializer.Serialize(indicators, Options);
}
