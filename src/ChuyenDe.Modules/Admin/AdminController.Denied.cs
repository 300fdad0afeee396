using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ChuyenDe.Modules.Admin;

public abstract partial class AdminController
{
    /// <summary>403 with the back office's access-denied page (<c>Admin/Views/Shared/Denied.cshtml</c>, also the sign-in's denied page).</summary>
    protected ViewResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View(DeniedView);
    }

    /// <summary>The name of the shared access-denied view of the admin shell.</summary>
    public const string DeniedView = "Denied";
}
