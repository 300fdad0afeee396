namespace ChuyenDe.Modules.Users;

/// <summary>The outcome of a change to an account: the errors to show beside the form, or a refusal (403).</summary>
public sealed record UserAdminChange(IReadOnlyList<UserFieldError> Errors, bool Forbidden = false)
{
    public static readonly UserAdminChange Done = new([]);

    public bool Succeeded => !Forbidden && Errors.Count == 0;

    public static UserAdminChange Refused() => new([], Forbidden: true);
}
