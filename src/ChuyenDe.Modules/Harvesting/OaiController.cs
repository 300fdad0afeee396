using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ChuyenDe.Modules.Harvesting;

/// <summary>
/// The OAI-PMH 2.0 endpoint <c>/oai</c>, open to every harvester: GET with the arguments in the query, or POST with them
/// as <c>application/x-www-form-urlencoded</c>. Every answer, errors included, is XML with status 200; it is not
/// output-cached (a harvest walks a list that changes while it runs).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class OaiController : Controller
{
    [HttpGet(OaiRepository.Path), HttpPost(OaiRepository.Path)]
    public async Task<IActionResult> Oai(CancellationToken ct)
    {
        var repository = HttpContext.RequestServices.GetRequiredService<OaiRepository>();
        IReadOnlyList<KeyValuePair<string, StringValues>> arguments = Request.Query.ToList();
        if (HttpMethods.IsPost(Request.Method))
        {
            // A POST carries its arguments as a form in application/x-www-form-urlencoded; any other body is an illegal request.
            if (!MediaTypeHeaderValue.TryParse(Request.ContentType, out var type)
                || !type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            {
                return Answer(repository.IllegalRequest("A POST request must carry its arguments as application/x-www-form-urlencoded."));
            }

            arguments = [.. (await Request.ReadFormAsync(ct)), .. arguments];
        }

        return Answer(await repository.AnswerAsync(arguments, ct));
    }

    private FileContentResult Answer(byte[] xml)
    {
        Response.Headers.CacheControl = "no-cache";
        return File(xml, "text/xml; charset=utf-8");
    }
}
