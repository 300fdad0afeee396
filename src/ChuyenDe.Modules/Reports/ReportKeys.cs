namespace ChuyenDe.Modules.Reports;

/// <summary>Keys of templates, rounds, sections and indicators: a–z, 0–9 and '-', at most 64 characters.</summary>
public static class ReportKeys
{
    public const int MaxLength = 64;

    public static bool IsValid(string? key)
        => !string.IsNullOrEmpty(key) && key.Length <= MaxLength && key.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');
}
