namespace ChuyenDe.Modules.Users;

/// <summary>A message for one field of the user forms, already in the UI language ("" for the form as a whole).</summary>
public sealed record UserFieldError(string Field, string Message);
