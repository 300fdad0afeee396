using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Fields.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChuyenDe.Tests.Functional.PublicSite;

/// <summary>
/// Without the output cache, a published version's body is rendered (and sanitised) once, whatever the number of views; a new
/// published version is rendered anew, and drafts (previews) are rendered each time.
/// </summary>
public sealed class RenderOncePerVersionTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private readonly CountingRenderer _renderer = new();
    private CmsAppFactory? _factory;

    public Task InitializeAsync()
    {
        _factory = new CmsAppFactory(_database, new Dictionary<string, string?> { ["ChuyenDe:OutputCache:Enabled"] = "false" },
            services: s => s.Replace(ServiceDescriptor.Singleton<IContentHtmlRenderer>(_renderer)));
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_published_body_is_rendered_on_the_first_view_only_and_a_new_version_again()
    {
        var marker = "Dấu-" + Guid.NewGuid().ToString("N")[..8];
        var id = await InScopeAsync(async contents =>
        {
            var item = await contents.NewAsync("Page");
            item.GetOrCreatePart("TitlePart")["Title"] = "Tin thử hiển thị " + marker;
            item.GetOrCreatePart("HtmlBodyPart")["Html"] = "<p>Nội dung <strong>" + marker + "</strong>.</p>";
            var result = await contents.PublishAsync(item, ContentActor.System);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            return result.Item!.ContentItemId;
        });
        var path = await PathAsync(id);
        using var client = _factory!.CreateClient(new() { AllowAutoRedirect = false });

        for (var i = 0; i < 5; i++)
        {
            Assert.Contains("<strong>" + marker + "</strong>", await client.GetStringAsync(path));
        }

        Assert.Equal(1, _renderer.Count(marker));

        // A new published version is rendered once more.
        await InScopeAsync(async contents =>
        {
            var draft = (await contents.GetAsync(id, VersionOptions.Latest))!;
            draft.GetOrCreatePart("HtmlBodyPart")["Html"] = "<p>Bản mới <strong>" + marker + "</strong>.</p>";
            return (await contents.PublishAsync(draft, ContentActor.System)).Succeeded;
        });
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains("Bản mới", await client.GetStringAsync(path));
        }

        Assert.Equal(2, _renderer.Count(marker));
    }

    private async Task<string> PathAsync(string id)
        => "/" + (await InScopeAsync(async contents => (await contents.GetAsync(id, VersionOptions.Published))!))
            .Part("AutoroutePart")!["Path"]!.GetValue<string>();

    private async Task<T> InScopeAsync<T>(Func<IContentManager, Task<T>> work)
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IContentManager>());
    }

    /// <summary>The site's renderer, counting the Markdown and HTML texts it renders or sanitises.</summary>
    private sealed class CountingRenderer : IContentHtmlRenderer
    {
        private readonly List<string> _rendered = [];
        private IContentHtmlRenderer? _inner;

        private IContentHtmlRenderer Inner => _inner ??= new ServiceCollection().AddFieldsModule().BuildServiceProvider().GetRequiredService<IContentHtmlRenderer>();

        public int Count(string marker)
        {
            lock (_rendered)
            {
                return _rendered.Count(m => m.Contains(marker, StringComparison.Ordinal));
            }
        }

        public string RenderMarkdown(string? markdown)
        {
            lock (_rendered)
            {
                _rendered.Add(markdown ?? "");
            }

            return Inner.RenderMarkdown(markdown);
        }

        public string SanitizeHtml(string? html)
        {
            lock (_rendered)
            {
                _rendered.Add(html ?? "");
            }

            return Inner.SanitizeHtml(html);
        }
    }
}
