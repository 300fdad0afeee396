namespace ChuyenDe.Modules.Security;

/// <summary>A named permission (Orchard Core style); holding any of <see cref="ImpliedBy"/> grants it too.</summary>
public sealed record Permission(string Name, string Description, IReadOnlyList<string>? ImpliedBy = null);
