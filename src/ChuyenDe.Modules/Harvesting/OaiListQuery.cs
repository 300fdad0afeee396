namespace ChuyenDe.Modules.Harvesting;

/// <summary>A list request's selection: datestamps from (included) and before (excluded), and a set (null: every record).</summary>
public sealed record OaiListQuery(DateTime? FromUtc, DateTime? BeforeUtc, OaiSetFilter? Set);
