using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Search;

/// <summary>How results are ordered.</summary>
public enum SearchSort
{
    Relevance,
    Newest,
    Oldest,
    Title,
}
