namespace ChuyenDe.Modules.Fields;

public sealed record LinkView(string Text, string Url, bool External = false);
