using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Commendations;

/// <summary>The words of commendations shown to people (levels, kinds, a decision's reference).</summary>
public static class CommendationText
{
    public static string Level(IStringLocalizer T, IssuingLevel level) => level switch
    {
        IssuingLevel.DepartmentDirector => T["Director of the Department of Education and Training"],
        IssuingLevel.ProvincialChairman => T["Chairman of the Provincial People's Committee"],
        IssuingLevel.Minister => T["Minister of Education and Training"],
        _ => level.ToString(),
    };

    public static string Kind(IStringLocalizer T, RecipientKind kind)
        => kind == RecipientKind.Collective ? T["Collective"] : T["Individual"];

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"Quyết định số 123/QĐ-SGDĐT ngày 20/05/2023 của Giám đốc Sở GD&amp;ĐT".</summary>
    public static string Reference(IStringLocalizer T, string number, DateOnly date, IssuingLevel level)
        => T["Decision no. {0} of {1} by the {2}", number, Date(date), Level(T, level)];
}
