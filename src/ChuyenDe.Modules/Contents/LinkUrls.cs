namespace ChuyenDe.Modules.Contents;

/// <summary>How a browser reads the addresses users write in link fields and bodies.</summary>
public static class LinkUrls
{
    /// <summary>
    /// Whether a browser would read <paramref name="url"/> as an address on another host without a scheme (a
    /// network-path reference): <c>//host</c>, and — since browsers treat a backslash like a slash in web addresses and
    /// drop tabs, line breaks and leading spaces — <c>/\host</c>, <c>\\host</c>, <c>\/host</c>, <c>" //host"</c> or
    /// <c>"/&#9;/host"</c>. Such an address looks site-relative but is not.
    /// </summary>
    public static bool IsNetworkPathReference(string url)
    {
        var start = 0;
        while (start < url.Length && url[start] <= ' ')
        {
            start++;
        }

        var slashes = 0;
        for (var i = start; i < url.Length && slashes < 2; i++)
        {
            var c = url[i];
            if (c is '\t' or '\n' or '\r')
            {
                continue;
            }

            if (c is not ('/' or '\\'))
            {
                return false;
            }

            slashes++;
        }

        return slashes == 2;
    }

    /// <summary>
    /// A path on this site: one slash, then no backslash, whitespace or control character (which browsers would drop
    /// or read as a slash), and not a network-path reference.
    /// </summary>
    public static bool IsSiteRelative(string url)
        => url.StartsWith('/') && !IsNetworkPathReference(url)
           && !url.Any(c => c == '\\' || char.IsWhiteSpace(c) || char.IsControl(c));
}
