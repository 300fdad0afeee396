namespace ChuyenDe.Modules.Fields;

public sealed record FileView(string Name, string Url, string Extension);
