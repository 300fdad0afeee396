using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChuyenDe.Modules.TopicResults;

/// <summary>Reads and writes the figures of a results page (<see cref="ResultsPage.BlocksJson"/>).</summary>
public static class ResultBlocks
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    public static IReadOnlyList<ResultBlock> Read(string? json)
        => string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<ResultBlock>>(json, Options) ?? [];

    public static string Write(IEnumerable<ResultBlock> blocks) => JsonSerializer.Serialize(blocks.ToList(), Options);
}
