namespace ChuyenDe.Modules.Commendations;

/// <summary>A collective (tập thể: a unit of the tree) or an individual (cá nhân: a person of a unit).</summary>
public enum RecipientKind
{
    Collective,
    Individual,
}
