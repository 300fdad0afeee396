using System.Security.Claims;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Audit;

/// <summary>
/// Writes entries through the scoped <see cref="DbContext"/>: inside the caller's transaction an entry commits or rolls
/// back with the change it describes. Only inserts: there is no way to change or remove an entry.
/// </summary>
internal sealed class AuditTrail(
    DbContext db,
    IHttpContextAccessor http,
    IUserScopeService scopes,
    TimeProvider clock) : IAuditTrail
{
    public const string SystemActor = "system";

    public async Task RecordAsync(AuditEntry entry, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Category);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Action);
        var (userId, userName, organizationId) = await ActorAsync(entry, ct);
        var subject = Clip(entry.Subject?.Trim().Normalize(), AuditEntryRecord.SubjectLength);
        var record = new AuditEntryRecord
        {
            OccurredUtc = clock.GetUtcNow().UtcDateTime,
            Category = Clip(entry.Category, 32)!,
            Action = Clip(entry.Action, AuditEntryRecord.ShortLength)!,
            ActorUserId = Clip(userId, AuditEntryRecord.ShortLength)!,
            ActorUserName = Clip(userName, AuditEntryRecord.NameLength)!,
            ActorOrganizationId = Clip(organizationId, AuditEntryRecord.ShortLength),
            OrganizationId = Clip(Empty(entry.OrganizationId), AuditEntryRecord.ShortLength),
            ContentItemId = Clip(Empty(entry.ContentItemId), AuditEntryRecord.ShortLength),
            ContentType = Clip(Empty(entry.ContentType), 128),
            Subject = subject,
            SubjectFolded = subject is null ? null : Clip(Slugs.Fold(subject), AuditEntryRecord.SubjectLength),
            VersionBefore = Clip(Empty(entry.VersionBefore), AuditEntryRecord.ShortLength),
            VersionAfter = Clip(Empty(entry.VersionAfter), AuditEntryRecord.ShortLength),
            Reasons = Clip(Empty(entry.Reasons?.Normalize()), AuditEntryRecord.TextLength),
            Details = Clip(Empty(entry.Details?.Normalize()), AuditEntryRecord.TextLength),
            RemoteAddress = Clip(http.HttpContext?.Connection.RemoteIpAddress?.ToString(), AuditEntryRecord.ShortLength),
        };
        db.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // A failed save must not leave the entry waiting to be written by someone else's later save.
            db.Entry(record).State = EntityState.Detached;
            throw;
        }
    }

    /// <summary>The entry's actor, else the signed-in user, else the system.</summary>
    private async Task<(string UserId, string UserName, string? OrganizationId)> ActorAsync(AuditEntry entry, CancellationToken ct)
    {
        var principal = http.HttpContext?.User;
        var scope = principal?.Identity?.IsAuthenticated == true ? await scopes.GetAsync(principal, ct) : null;
        if (!string.IsNullOrEmpty(entry.ActorUserId) && entry.ActorUserId != SystemActor)
        {
            var same = scope is not null && scope.UserId == entry.ActorUserId;
            return (entry.ActorUserId,
                Empty(entry.ActorUserName) ?? (same ? scope!.UserName : entry.ActorUserId),
                Empty(entry.ActorOrganizationId) ?? (same ? scope!.OrganizationId : null));
        }

        if (entry.ActorUserId == SystemActor)
        {
            return (SystemActor, SystemActor, null);
        }

        if (scope is not null)
        {
            return (scope.UserId, scope.UserName, scope.OrganizationId);
        }

        if (principal?.Identity?.IsAuthenticated == true && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id)
        {
            return (id, principal.Identity.Name ?? id, null);
        }

        return (SystemActor, SystemActor, null);
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string? Clip(string? text, int length) => text is null || text.Length <= length ? text : text[..(length - 1)] + "…";
}
