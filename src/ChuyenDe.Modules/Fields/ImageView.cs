namespace ChuyenDe.Modules.Fields;

/// <summary>
/// An image: the address of the original file, its alt text (empty only as a last resort), and its derivatives for
/// public pages.
/// </summary>
public sealed record ImageView(string Url, string Alt, ImageDerivatives Derivatives);
