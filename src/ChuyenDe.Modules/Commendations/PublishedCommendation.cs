namespace ChuyenDe.Modules.Commendations;

/// <summary>One recipient of a published decision, with the decision and the items it was commended for.</summary>
public sealed record PublishedCommendation(
    int DecisionId,
    string DecisionNumber,
    DateOnly DecisionDate,
    IssuingLevel Level,
    string DecisionTitle,
    string Period,
    string OwnerOrganizationId,
    int RecipientId,
    RecipientKind Kind,
    string? OrganizationId,
    string Name,
    string? Position,
    string Achievement,
    int Order,
    IReadOnlyList<string> ContentItemIds);
