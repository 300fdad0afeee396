namespace ChuyenDe.Modules.Library;

/// <summary>
/// On an action whose route lies below a list (<c>/tin-tuc/feed</c>): its address is reserved exactly, not its whole
/// first segment, because the list's items live below the same segment (<c>/tin-tuc/hoi-thi-be-khoe</c>).
/// See <see cref="SiteReservedPaths"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReservesExactPathAttribute : Attribute;
