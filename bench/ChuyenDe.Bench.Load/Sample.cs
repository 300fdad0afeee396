namespace ChuyenDe.Bench.Load;

/// <summary>What one scheduled request (or edit) of the mix was, how long it took from its scheduled time, and its error.</summary>
public readonly record struct Sample(RequestKind Kind, double LatencyMs, string? Error);
