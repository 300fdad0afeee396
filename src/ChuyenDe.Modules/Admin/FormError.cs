namespace ChuyenDe.Modules.Admin;

/// <summary>A validation error of a form field (an English key of the module's resources, with its arguments).</summary>
public sealed record FormError(string Field, string Message, params object[] Args);
