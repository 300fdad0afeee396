using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Notifications;

/// <summary>Where the e-mail of a notification stands.</summary>
public enum NotificationEmailStatus
{
    /// <summary>No e-mail: SMTP is not configured, or the user has no e-mail address.</summary>
    None = 0,

    /// <summary>Waiting in the outbox (or for its next attempt, <see cref="NotificationRecord.EmailNextAttemptUtc"/>).</summary>
    Pending = 1,

    Sent = 2,

    /// <summary>Given up after the last attempt, or refused for good by the server; the error is kept.</summary>
    Failed = 3,
}

/// <summary>
/// One notification of one user about one event. (<see cref="UserId"/>, <see cref="EventKey"/>) is unique: a user never
/// gets the same event twice. The row is also the e-mail outbox entry.
/// </summary>
public sealed class NotificationRecord
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string EventKey { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public string? ContentItemId { get; set; }

    /// <summary>A site-relative link (starting with a single <c>/</c>), or null.</summary>
    public string? Url { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime? ReadUtc { get; set; }
    public NotificationEmailStatus EmailStatus { get; set; }
    public int EmailAttempts { get; set; }
    public string? EmailLastError { get; set; }
    public DateTime? EmailSentUtc { get; set; }

    /// <summary>When the outbox may try (again): null = at once. Also a lease while one node is sending.</summary>
    public DateTime? EmailNextAttemptUtc { get; set; }
}

internal sealed class NotificationRecordConfiguration : IEntityTypeConfiguration<NotificationRecord>
{
    public const int EventKeyLength = 256;
    public const int KindLength = 64;
    public const int SubjectLength = 512;
    public const int UrlLength = 1024;
    public const int ErrorLength = 2000;

    public void Configure(EntityTypeBuilder<NotificationRecord> b)
    {
        b.ToTable("Notifications");
        b.Property(r => r.UserId).HasMaxLength(64).IsRequired();
        b.Property(r => r.EventKey).HasMaxLength(EventKeyLength).IsRequired();
        b.Property(r => r.Kind).HasMaxLength(KindLength).IsRequired();
        b.Property(r => r.Subject).HasMaxLength(SubjectLength).IsRequired();
        b.Property(r => r.Body).IsRequired();
        b.Property(r => r.ContentItemId).HasMaxLength(64);
        b.Property(r => r.Url).HasMaxLength(UrlLength);
        b.Property(r => r.EmailStatus).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.EmailLastError).HasMaxLength(ErrorLength);
        b.HasIndex(r => new { r.UserId, r.EventKey }).IsUnique();
        b.HasIndex(r => new { r.UserId, r.ReadUtc });
        b.HasIndex(r => new { r.EmailStatus, r.EmailNextAttemptUtc });
    }
}
