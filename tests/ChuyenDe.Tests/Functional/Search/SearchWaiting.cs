using System.Diagnostics;

namespace ChuyenDe.Tests.Functional.Search;

/// <summary>The public search page asked again until what a test looks for appears (the index follows within a second or two).</summary>
public static class SearchWaiting
{
    /// <summary>The HTML of <c>/tim-kiem?q=…</c> once it contains <paramref name="expected"/>, or the last answer after 10 s.</summary>
    public static async Task<string> SearchUntilAsync(HttpClient client, string query, string expected)
    {
        var watch = Stopwatch.StartNew();
        string html;
        do
        {
            html = await client.GetStringAsync("/tim-kiem?q=" + Uri.EscapeDataString(query));
            if (html.Contains(expected, StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(100);
        }
        while (watch.Elapsed < TimeSpan.FromSeconds(10));

        return html;
    }
}
