using System.Globalization;
using System.Text.RegularExpressions;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Library;
using ChuyenDe.Modules.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ChuyenDe.Modules.Harvesting;

/// <summary>
/// The OAI-PMH 2.0 repository: answers the six verbs from the request's arguments, with every protocol error in the
/// XML (the HTTP status is 200 whatever happens). See <c>docs/harvesting.md</c>.
/// </summary>
internal sealed partial class OaiRepository(
    OaiRecordSource records,
    OaiSets sets,
    DublinCoreMapper dublinCore,
    IContentQueryService queries,
    ISiteSettingsService settings,
    PublicAddresses addresses,
    IDataProtectionProvider protection,
    IOptions<HarvestingOptions> options,
    TimeProvider clock,
    IStringLocalizer<HarvestingResources> T)
{
    public const string Path = "/oai";
    public const string OaiDcPrefix = "oai_dc";

    private static readonly Dictionary<string, string[]> Arguments = new(StringComparer.Ordinal)
    {
        ["Identify"] = [],
        ["ListMetadataFormats"] = ["identifier"],
        ["ListSets"] = ["resumptionToken"],
        ["GetRecord"] = ["identifier", "metadataPrefix"],
        ["ListIdentifiers"] = ["metadataPrefix", "from", "until", "set", "resumptionToken"],
        ["ListRecords"] = ["metadataPrefix", "from", "until", "set", "resumptionToken"],
    };

    /// <summary>The answer to a request with these arguments (each name with all its values, in the order received).</summary>
    public async Task<byte[]> AnswerAsync(IReadOnlyList<KeyValuePair<string, StringValues>> arguments, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var baseUrl = addresses.Absolute(Path);
        var verbs = arguments.Where(a => a.Key == "verb").SelectMany(a => a.Value).ToList();
        if (verbs.Count != 1 || verbs[0] is not { } verb || !Arguments.TryGetValue(verb, out var allowed))
        {
            return ErrorAnswer(now, baseUrl, [], new OaiError(OaiError.BadVerb, verbs.Count switch
            {
                0 => "The verb argument is missing.",
                1 => "The verb is not an OAI-PMH verb.",
                _ => "The verb argument is repeated.",
            }));
        }

        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in arguments)
        {
            if (name == "verb")
            {
                continue;
            }

            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                return ErrorAnswer(now, baseUrl, [], new OaiError(OaiError.BadArgument, $"The argument '{name}' is not allowed with {verb}."));
            }

            if (values.Count != 1 || given.ContainsKey(name))
            {
                return ErrorAnswer(now, baseUrl, [], new OaiError(OaiError.BadArgument, $"The argument '{name}' is repeated."));
            }

            if (string.IsNullOrEmpty(values[0]))
            {
                return ErrorAnswer(now, baseUrl, [], new OaiError(OaiError.BadArgument, $"The argument '{name}' is empty."));
            }

            given[name] = values[0]!;
        }

        if (given.ContainsKey("resumptionToken") && given.Count > 1)
        {
            return ErrorAnswer(now, baseUrl, [], new OaiError(OaiError.BadArgument, "resumptionToken is an exclusive argument."));
        }

        var required = verb switch
        {
            "GetRecord" => new[] { "identifier", "metadataPrefix" },
            "ListIdentifiers" or "ListRecords" when !given.ContainsKey("resumptionToken") => ["metadataPrefix"],
            _ => [],
        };
        if (required.FirstOrDefault(r => !given.ContainsKey(r)) is { } missing)
        {
            return ErrorAnswer(now, baseUrl, [], new OaiError(OaiError.BadArgument, $"The argument '{missing}' is required with {verb}."));
        }

        var attributes = new List<KeyValuePair<string, string>> { new("verb", verb) };
        attributes.AddRange(given.Select(g => new KeyValuePair<string, string>(g.Key, g.Value)));
        using var writer = new OaiXmlWriter(now, baseUrl, attributes);
        var error = verb switch
        {
            "Identify" => await IdentifyAsync(writer, baseUrl, now, ct),
            "ListMetadataFormats" => await ListMetadataFormatsAsync(writer, given.GetValueOrDefault("identifier"), ct),
            "ListSets" => await ListSetsAsync(writer, given.ContainsKey("resumptionToken"), ct),
            "GetRecord" => await GetRecordAsync(writer, given["identifier"], given["metadataPrefix"], ct),
            _ => await ListAsync(writer, verb, given, now, ct),
        };
        if (error is not null)
        {
            // The request was legal: its arguments stay on the request element, the error replaces the verb's element.
            return ErrorAnswer(now, baseUrl, error.HidesRequestArguments ? [] : attributes, error);
        }

        return writer.Finish();
    }

    /// <summary>The answer to a request that cannot carry arguments (a POST body that is not a form): <c>badArgument</c>.</summary>
    public byte[] IllegalRequest(string message)
        => ErrorAnswer(clock.GetUtcNow().UtcDateTime, addresses.Absolute(Path), [], new OaiError(OaiError.BadArgument, message));

    private static byte[] ErrorAnswer(DateTime now, string baseUrl, IReadOnlyList<KeyValuePair<string, string>> attributes, OaiError error)
    {
        using var writer = new OaiXmlWriter(now, baseUrl, attributes);
        writer.Error(error);
        return writer.Finish();
    }

    /// <summary>The repository identifier of the oai-identifier scheme: the site's host name.</summary>
    private string RepositoryIdentifier => addresses.HostName;

    private string IdentifierOf(string contentItemId) => Library.StructuredData.OaiRecords.Identifier(RepositoryIdentifier, contentItemId);

    private string? ContentItemIdOf(string identifier)
    {
        var prefix = $"oai:{RepositoryIdentifier}:";
        return identifier.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && identifier.Length > prefix.Length
            ? identifier[prefix.Length..]
            : null;
    }

    private async Task<OaiError?> IdentifyAsync(OaiXmlWriter writer, string baseUrl, DateTime now, CancellationToken ct)
    {
        var site = await settings.GetAsync(ct);
        var document = await settings.GetDocumentAsync(ct);
        var adminEmail = (document["AdminEmail"] as System.Text.Json.Nodes.JsonValue)?.TryGetValue<string>(out var email) == true
            && !string.IsNullOrWhiteSpace(email)
                ? email.Trim()
                : options.Value.AdminEmail ?? "webmaster@" + RepositoryIdentifier;
        var earliest = await records.EarliestAsync(ct) ?? site.SetupCompletedUtc ?? now;
        var sample = (await queries.QueryAsync(new ContentQuery { ContentTypes = HarvestedTypes.All.ToList(), PageSize = 1, CountTotal = false }, ct))
            .Items.FirstOrDefault()?.ContentItemId ?? "sang-kien-mau";

        writer.Start("Identify");
        writer.Element("repositoryName", site.SiteName);
        writer.Element("baseURL", baseUrl);
        writer.Element("protocolVersion", "2.0");
        writer.Element("adminEmail", adminEmail);
        writer.Element("earliestDatestamp", OaiXmlWriter.Datestamp(earliest));
        writer.Element("deletedRecord", "persistent");
        writer.Element("granularity", "YYYY-MM-DDThh:mm:ssZ");
        writer.Start("description");
        writer.OaiIdentifier(RepositoryIdentifier, IdentifierOf(sample));
        writer.End();
        writer.End();
        return null;
    }

    private async Task<OaiError?> ListMetadataFormatsAsync(OaiXmlWriter writer, string? identifier, CancellationToken ct)
    {
        if (identifier is not null && (ContentItemIdOf(identifier) is not { } id || await records.FindAsync(id, ct) is null))
        {
            return new OaiError(OaiError.IdDoesNotExist, "The repository has no item with this identifier.");
        }

        writer.Start("ListMetadataFormats");
        writer.Start("metadataFormat");
        writer.Element("metadataPrefix", OaiDcPrefix);
        writer.Element("schema", OaiXmlWriter.OaiDcSchema);
        writer.Element("metadataNamespace", OaiXmlWriter.OaiDcNamespace);
        writer.End();
        writer.End();
        return null;
    }

    private async Task<OaiError?> ListSetsAsync(OaiXmlWriter writer, bool resumed, CancellationToken ct)
    {
        if (resumed)
        {
            // The list of sets always comes whole: this repository never gives out a token for it.
            return new OaiError(OaiError.BadResumptionToken, "The list of sets has no resumption tokens.");
        }

        writer.Start("ListSets");
        foreach (var set in await sets.ListAsync(T, ct))
        {
            writer.Start("set");
            writer.Element("setSpec", set.Spec);
            writer.Element("setName", set.Name);
            writer.End();
        }

        writer.End();
        return null;
    }

    private async Task<OaiError?> GetRecordAsync(OaiXmlWriter writer, string identifier, string prefix, CancellationToken ct)
    {
        if (ContentItemIdOf(identifier) is not { } id || await records.FindAsync(id, ct) is not { } found)
        {
            return new OaiError(OaiError.IdDoesNotExist, "The repository has no item with this identifier.");
        }

        if (prefix != OaiDcPrefix)
        {
            return new OaiError(OaiError.CannotDisseminateFormat, "The only metadata format is oai_dc.");
        }

        var siteName = (await settings.GetAsync(ct)).SiteName;
        writer.Start("GetRecord");
        await RecordAsync(writer, found.Header, found.Item, siteName, ct);
        writer.End();
        return null;
    }

    private async Task<OaiError?> ListAsync(OaiXmlWriter writer, string verb, Dictionary<string, string> given, DateTime now, CancellationToken ct)
    {
        ResumptionToken? resumed = null;
        if (given.TryGetValue("resumptionToken", out var tokenValue))
        {
            resumed = ResumptionToken.Unprotect(protection, tokenValue, verb);
            if (resumed is null)
            {
                return new OaiError(OaiError.BadResumptionToken, "The resumption token is not valid.");
            }

            if (resumed.ExpiresUtc < now)
            {
                return new OaiError(OaiError.BadResumptionToken, "The resumption token has expired.");
            }
        }

        var prefix = resumed?.MetadataPrefix ?? given["metadataPrefix"];
        var from = resumed is null ? given.GetValueOrDefault("from") : resumed.From;
        var until = resumed is null ? given.GetValueOrDefault("until") : resumed.Until;
        var setSpec = resumed is null ? given.GetValueOrDefault("set") : resumed.Set;

        DateTime? fromUtc = null, beforeUtc = null;
        if (from is not null)
        {
            if (ParseDatestamp(from) is not { } parsed)
            {
                return new OaiError(OaiError.BadArgument, "'from' must be YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.");
            }

            fromUtc = parsed.Value;
        }

        if (until is not null)
        {
            if (ParseDatestamp(until) is not { } parsed)
            {
                return new OaiError(OaiError.BadArgument, "'until' must be YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.");
            }

            beforeUtc = parsed.Value + (parsed.Day ? TimeSpan.FromDays(1) : TimeSpan.FromSeconds(1));
            if (from is not null && from.Length != until.Length)
            {
                return new OaiError(OaiError.BadArgument, "'from' and 'until' must have the same granularity.");
            }

            if (fromUtc > parsed.Value)
            {
                return new OaiError(OaiError.BadArgument, "'from' is later than 'until'.");
            }
        }

        if (prefix != OaiDcPrefix)
        {
            return new OaiError(OaiError.CannotDisseminateFormat, "The only metadata format is oai_dc.");
        }

        OaiSetFilter? set = null;
        if (setSpec is not null)
        {
            set = await sets.ResolveAsync(setSpec, ct);
            if (set is null)
            {
                return new OaiError(OaiError.NoRecordsMatch, "The repository has no such set.");
            }
        }

        var query = new OaiListQuery(fromUtc, beforeUtc, set);
        var pageSize = Math.Clamp(options.Value.PageSize, 1, 1000);
        var (headers, more) = await records.PageAsync(query, resumed?.AfterUtc, resumed?.AfterId, pageSize, ct);
        if (headers.Count == 0)
        {
            return new OaiError(OaiError.NoRecordsMatch, "No record matches the arguments.");
        }

        var cursor = resumed?.Cursor ?? 0;
        var complete = more || resumed is not null ? await records.CountAsync(query, ct) : headers.Count;
        var items = (await queries.GetPublishedAsync(headers.Where(h => !h.Deleted).Select(h => h.ContentItemId), ct))
            .ToDictionary(i => i.ContentItemId, StringComparer.Ordinal);
        var siteName = (await settings.GetAsync(ct)).SiteName;
        writer.Start(verb);
        foreach (var header in headers)
        {
            var item = items.GetValueOrDefault(header.ContentItemId);
            if (verb == "ListIdentifiers")
            {
                writer.Header(IdentifierOf(header.ContentItemId), header, await SpecsAsync(header, item, ct));
            }
            else
            {
                await RecordAsync(writer, header, item, siteName, ct);
            }
        }

        if (more)
        {
            var last = headers[^1];
            var next = new ResumptionToken(verb, prefix, setSpec, from, until, last.DatestampUtc.Ticks, last.ContentItemId,
                cursor + headers.Count, (now + options.Value.TokenLifetime).Ticks);
            writer.ResumptionToken(next.Protect(protection), next.ExpiresUtc, Math.Max(complete, cursor + headers.Count + 1), cursor);
        }
        else if (resumed is not null)
        {
            writer.ResumptionToken(null, null, Math.Max(complete, cursor + headers.Count), cursor);
        }

        writer.End();
        return null;
    }

    private async Task<IReadOnlyList<string>> SpecsAsync(OaiHeader header, ContentItem? item, CancellationToken ct)
        => header.Deleted ? header.DeletedSetSpecs : item is null ? [] : await sets.SpecsOfAsync(item, ct);

    private async Task RecordAsync(OaiXmlWriter writer, OaiHeader header, ContentItem? item, string siteName, CancellationToken ct)
    {
        writer.Start("record");
        writer.Header(IdentifierOf(header.ContentItemId), header, await SpecsAsync(header, item, ct));
        if (!header.Deleted && item is not null)
        {
            writer.DublinCore(await dublinCore.MapAsync(item, siteName, ct));
        }

        writer.End();
    }

    /// <summary>A <c>from</c>/<c>until</c> value: a day (<c>YYYY-MM-DD</c>) or a second (<c>YYYY-MM-DDThh:mm:ssZ</c>), in UTC; null when it is neither.</summary>
    internal static (DateTime Value, bool Day)? ParseDatestamp(string value)
    {
        if (DayPattern().IsMatch(value)
            && DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day))
        {
            return (DateTime.SpecifyKind(day, DateTimeKind.Utc), true);
        }

        if (SecondPattern().IsMatch(value)
            && DateTime.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var second))
        {
            return (DateTime.SpecifyKind(second, DateTimeKind.Utc), false);
        }

        return null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DayPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", RegexOptions.CultureInvariant)]
    private static partial Regex SecondPattern();
}
