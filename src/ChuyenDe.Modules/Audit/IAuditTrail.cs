namespace ChuyenDe.Modules.Audit;

/// <summary>
/// The append-only audit trail. <see cref="RecordAsync"/> writes through the request's DbContext and saves, so inside a
/// transaction the entry commits or rolls back with the change it describes.
/// </summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEntry entry, CancellationToken ct = default);
}
