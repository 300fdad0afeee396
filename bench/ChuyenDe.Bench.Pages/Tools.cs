namespace ChuyenDe.Bench.Pages;

/// <summary>The Debian programs the benchmark runs, found on the PATH (nginx usually lives in /usr/sbin).</summary>
public static class Tools
{
    public static string Wrk { get; } = Find("wrk") ?? "wrk";
    public static string Nginx { get; } = Find("nginx") ?? "nginx";

    /// <summary>The Debian packages of the programs that are missing, empty when all are there.</summary>
    public static IReadOnlyList<string> MissingPackages()
    {
        var missing = new List<string>();
        if (Find("wrk") is null)
        {
            missing.Add("wrk");
        }

        if (Find("nginx") is null)
        {
            missing.Add("nginx");
        }

        if (Find("taskset") is null)
        {
            missing.Add("util-linux");
        }

        return missing;
    }

    private static string? Find(string name)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "") + ":/usr/sbin:/sbin:/usr/local/sbin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
    }
}
