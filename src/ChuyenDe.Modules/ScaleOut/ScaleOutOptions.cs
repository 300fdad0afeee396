namespace ChuyenDe.Modules.ScaleOut;

/// <summary>
/// <c>ChuyenDe:Redis</c>: several nodes behind a proxy share Redis. An empty <see cref="Configuration"/> is one node
/// (everything in this process and the data folder, as before).
/// </summary>
public sealed class ScaleOutOptions
{
    public const string Section = "ChuyenDe:Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379,password=…</c>; empty for one node.</summary>
    public string? Configuration { get; set; }

    /// <summary>The prefix of every key and channel this site uses, so several sites can share one Redis.</summary>
    public string InstanceName { get; set; } = "chuyende";

    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);

    internal string Key(string name) => InstanceName + ":" + name;
}
