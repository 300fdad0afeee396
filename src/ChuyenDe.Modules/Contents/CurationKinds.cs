namespace ChuyenDe.Modules.Contents;

// The public face of curation (implemented by Editorial, read by the public site and the display builder), kept in the
// content engine so that the site does not depend on the editorial module.

/// <summary>The two kinds of curation: exemplary products (sản phẩm điển hình) and model sites (mô hình điểm).</summary>
public static class CurationKinds
{
    public const string Exemplary = "Exemplary";
    public const string ModelSite = "ModelSite";

    public static bool IsKnown(string? kind) => kind is Exemplary or ModelSite;
}
