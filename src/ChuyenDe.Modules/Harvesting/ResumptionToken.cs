using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace ChuyenDe.Modules.Harvesting;

/// <summary>
/// A stateless resumption token: the list request's arguments (prefix, set, from, until as given), the position after
/// the last record given out (its datestamp to the tick and its id), how many records came before the next page
/// (<see cref="Cursor"/>) and when the token expires. Protected with the site's data-protection keys (kept in the data
/// folder), so a token is tamper-proof and survives a restart; nothing is kept on the server.
/// </summary>
public sealed record ResumptionToken(string Verb, string MetadataPrefix, string? Set, string? From, string? Until, long AfterTicks, string AfterId,
    int Cursor, long ExpiresTicks)
{
    private const string Purpose = "ChuyenDe.Harvesting.ResumptionToken.v1";

    public DateTime AfterUtc => new(AfterTicks, DateTimeKind.Utc);

    public DateTime ExpiresUtc => new(ExpiresTicks, DateTimeKind.Utc);

    public string Protect(IDataProtectionProvider protection)
        => protection.CreateProtector(Purpose).Protect(JsonSerializer.Serialize(this));

    /// <summary>The token's content, or null when it is not a token of this site (altered, truncated, of another verb).</summary>
    public static ResumptionToken? Unprotect(IDataProtectionProvider protection, string value, string verb)
    {
        try
        {
            var token = JsonSerializer.Deserialize<ResumptionToken>(protection.CreateProtector(Purpose).Unprotect(value));
            return token is not null && token.Verb == verb && token.AfterTicks is >= 0 and <= 3155378975999999999 && token.Cursor >= 0
                ? token
                : null;
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException or ArgumentException)
        {
            return null;
        }
    }
}
