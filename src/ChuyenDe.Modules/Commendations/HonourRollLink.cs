namespace ChuyenDe.Modules.Commendations;

/// <summary>A published item a recipient was commended for, as the honour roll links it.</summary>
public sealed record HonourRollLink(string Title, string Url);
