using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Data;

public static class ModelBuilderExtensions
{
    public const string JsonColumnAnnotation = "ChuyenDe:JsonColumn";

    /// <summary>Marks a string property as a JSON document: jsonb on PostgreSQL, text on SQLite.</summary>
    public static PropertyBuilder<string> IsJsonColumn(this PropertyBuilder<string> property)
        => property.HasAnnotation(JsonColumnAnnotation, true);
}
