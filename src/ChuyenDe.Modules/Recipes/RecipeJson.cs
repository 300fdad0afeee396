using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChuyenDe.Modules.Recipes;

/// <summary>A problem in one step of a recipe, at a JSON path such as <c>$.steps[2].ContentTypes[0].Name</c>.</summary>
public sealed class RecipeStepException(string jsonPath, string reason) : Exception(reason)
{
    public string JsonPath { get; } = jsonPath;
    public string Reason { get; } = reason;
}

/// <summary>Typed reading of recipe JSON that reports the JSON path of whatever is missing or of the wrong type.</summary>
public static partial class RecipeJson
{
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,127}$")]
    private static partial Regex IdentifierPattern();

    public static string Child(string path, string name) => $"{path}.{name}";

    public static string Index(string path, int index) => $"{path}[{index}]";

    public static string RequiredString(JsonObject json, string name, string path)
        => OptionalString(json, name, path) is { Length: > 0 } text
            ? text
            : throw new RecipeStepException(Child(path, name), $"'{name}' is required and must be a non-empty string.");

    public static string RequiredIdentifier(JsonObject json, string name, string path)
    {
        var text = RequiredString(json, name, path);
        return IdentifierPattern().IsMatch(text)
            ? text
            : throw new RecipeStepException(Child(path, name), $"'{text}' is not a valid name (letters, digits and _ only, starting with a letter).");
    }

    public static string? OptionalString(JsonObject json, string name, string path)
    {
        var node = json[name];
        return node switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => throw new RecipeStepException(Child(path, name), $"'{name}' must be a string."),
        };
    }

    public static bool? OptionalBool(JsonObject json, string name, string path)
    {
        var node = json[name];
        return node switch
        {
            null => null,
            JsonValue v when v.TryGetValue<bool>(out var b) => b,
            _ => throw new RecipeStepException(Child(path, name), $"'{name}' must be true or false."),
        };
    }

    public static decimal? OptionalNumber(JsonObject json, string name, string path)
    {
        var node = json[name];
        return node switch
        {
            null => null,
            JsonValue v when v.TryGetValue<decimal>(out var d) => d,
            JsonValue v when v.TryGetValue<double>(out var dbl) => (decimal)dbl,
            _ => throw new RecipeStepException(Child(path, name), $"'{name}' must be a number."),
        };
    }

    public static JsonObject? OptionalObject(JsonObject json, string name, string path)
        => json[name] switch
        {
            null => null,
            JsonObject o => o,
            _ => throw new RecipeStepException(Child(path, name), $"'{name}' must be an object."),
        };

    public static JsonArray? OptionalArray(JsonObject json, string name, string path)
        => json[name] switch
        {
            null => null,
            JsonArray a => a,
            _ => throw new RecipeStepException(Child(path, name), $"'{name}' must be an array."),
        };

    public static JsonArray RequiredArray(JsonObject json, string name, string path)
        => OptionalArray(json, name, path) ?? throw new RecipeStepException(Child(path, name), $"'{name}' is required and must be an array.");

    /// <summary>The objects of an array with their paths; anything else in the array is an error.</summary>
    public static IEnumerable<(JsonObject Item, string Path)> Objects(JsonArray? array, string path)
    {
        if (array is null)
        {
            yield break;
        }

        for (var i = 0; i < array.Count; i++)
        {
            yield return array[i] is JsonObject o
                ? (o, Index(path, i))
                : throw new RecipeStepException(Index(path, i), "Each entry must be an object.");
        }
    }

    public static IReadOnlyList<string> Strings(JsonArray? array, string path)
    {
        var result = new List<string>();
        if (array is null)
        {
            return result;
        }

        for (var i = 0; i < array.Count; i++)
        {
            result.Add(array[i] is JsonValue v && v.TryGetValue<string>(out var s)
                ? s
                : throw new RecipeStepException(Index(path, i), "Each entry must be a string."));
        }

        return result;
    }
}
