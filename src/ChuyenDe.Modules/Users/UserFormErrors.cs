using ChuyenDe.Modules.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Users;

/// <summary>The errors of one user form, in the order found; Identity's errors go to the field their code names, once each.</summary>
internal sealed class UserFormErrors(IStringLocalizer<AdminResources> identityT)
{
    private readonly List<UserFieldError> errors = [];

    public bool Any => errors.Count > 0;

    public IReadOnlyList<UserFieldError> All => errors;

    public void Add(string field, string message) => errors.Add(new UserFieldError(field, message));

    public bool HasErrorOn(string field) => errors.Any(e => e.Field == field);

    public void AddIdentity(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            var field = error.Code switch
            {
                _ when error.Code.Contains("UserName", StringComparison.Ordinal) => nameof(UserForm.UserName),
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => nameof(UserForm.Password),
                _ when error.Code.Contains("Email", StringComparison.Ordinal) => nameof(UserForm.Email),
                _ => "",
            };
            var message = IdentityMessages.Describe(error, identityT);
            if (errors.Any(e => e.Field == field && e.Message == message))
            {
                continue;
            }

            errors.Add(new UserFieldError(field, message));
        }
    }
}
