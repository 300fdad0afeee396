using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Search;

public sealed record FacetCount(string Value, int Count);
