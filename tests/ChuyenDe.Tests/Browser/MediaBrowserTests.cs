using System.Collections.Concurrent;
using System.Net.Http.Headers;
using ChuyenDe.Tests.Functional;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Unit.Media.Images;
using ChuyenDe.Tests.Unit.Media.Uploads;
using Microsoft.Playwright;
using SixLabors.ImageSharp;

namespace ChuyenDe.Tests.Browser;

/// <summary>
/// Issue 4, done when: a contributor uploads a DOCX, a PDF, three photos and a video in the browser (progress per file),
/// attaches them to an Initiative, a curator publishes it, and the public page shows thumbnails and downloads with no
/// photo carrying GPS data.
/// </summary>
public sealed class MediaBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_contributor_uploads_documents_photos_and_a_video_attaches_them_to_an_Initiative_and_the_published_page_serves_them_without_GPS()
    {
        BrowserFixture.SkipUnlessAvailable();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var folder = Path.Combine(Path.GetTempPath(), "chuyende-media-" + suffix);
        Directory.CreateDirectory(folder);
        try
        {
            var docx = "Sáng kiến giờ ăn " + suffix + ".docx";
            var pdf = "Báo cáo " + suffix + ".pdf";
            var photos = new[] { "anh-gio-an-1-" + suffix + ".jpg", "anh-gio-an-2-" + suffix + ".jpg", "anh-gio-an-3-" + suffix + ".jpg" };
            var video = "video-gio-an-" + suffix + ".mp4";
            var contents = new Dictionary<string, byte[]>
            {
                [docx] = SampleFiles.Docx(["Trẻ tự xúc cơm và dọn bàn."]),
                [pdf] = SampleFiles.Pdf("Bao cao sang kien"),
                [photos[0]] = ImageTestFiles.GeotaggedJpeg(),
                [photos[1]] = ImageTestFiles.GeotaggedJpeg(300, 240, orientation: 1),
                [photos[2]] = ImageTestFiles.Noise(320, 240, seed: 7),
                [video] = SampleFiles.Mp4(),
            };
            Assert.True(HasGps(contents[photos[0]]) && HasGps(contents[photos[1]]), "two photos carry GPS before upload");
            foreach (var (name, bytes) in contents)
            {
                await File.WriteAllBytesAsync(Path.Combine(folder, name), bytes);
            }

            // 1. The contributor uploads the six files at once; the script sends each with its own progress bar.
            var page = await fixture.NewPageAsync();
            await fixture.SignInAsync(page, Accounts.Contributor, CmsAppFactory.DemoPassword);
            var uploads = new ConcurrentQueue<IResponse>();
            page.Response += (_, response) =>
            {
                if (response.Url.Contains("/admin/tep/tai-len", StringComparison.Ordinal))
                {
                    uploads.Enqueue(response);
                }
            };
            await page.GotoAsync("/admin/tep");
            await page.Locator("#upload-files").SetInputFilesAsync(contents.Keys.Select(name => Path.Combine(folder, name)));
            await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên", Exact = true }).ClickAsync();

            var progress = page.Locator("ol[data-media-progress] li");
            foreach (var name in contents.Keys)
            {
                var row = progress.Filter(new() { Has = page.Locator(".media-name", new() { HasTextString = name }) });
                await Assertions.Expect(row.Locator(".media-status")).ToHaveTextAsync("Đã tải lên.", new() { Timeout = 15_000 });
                Assert.Equal(1, await row.Locator("progress").CountAsync());
                Assert.Equal("media-ok", await row.GetAttributeAsync("class"));
                Assert.Equal(1.0, await row.Locator("progress").EvaluateAsync<double>("p => p.value / p.max"));
            }

            Assert.Equal(6, await progress.CountAsync());
            Assert.Equal(6, uploads.Count);
            var paths = new Dictionary<string, string>();
            foreach (var response in uploads)
            {
                Assert.Equal(200, response.Status);
                var json = await response.JsonAsync();
                foreach (var result in json!.Value.EnumerateArray())
                {
                    Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
                    paths[result.GetProperty("name").GetString()!] = result.GetProperty("path").GetString()!;
                }
            }

            Assert.Equal(contents.Keys.Order(), paths.Keys.Order());

            // 2. The contributor creates an Initiative with the files and saves a draft.
            await page.GotoAsync("/admin/noi-dung/tao/Initiative");
            var title = "Giờ ăn có ảnh và tài liệu " + suffix;
            await page.Locator("#f-TitlePart-Title").FillAsync(title);
            var organization = page.Locator("select#f-OrganizationPart-OrganizationId");
            if (await organization.CountAsync() > 0)
            {
                await organization.SelectOptionAsync("truong-mn-ben-thanh");
            }

            await page.Locator("#f-Initiative-Summary").FillAsync("Trẻ tự lấy khay, tự xúc cơm và dọn bàn.");
            await page.Locator("#f-Initiative-Authors").FillAsync("Nguyễn Thị Lan");
            await page.GetByLabel("2024–2025").CheckAsync();
            await page.GetByLabel("Xây dựng kế hoạch giáo dục", new() { Exact = false }).First.CheckAsync();

            await page.Locator($"#f-Initiative-Attachments input[value='{paths[docx]}']").CheckAsync();
            await page.Locator($"#f-Initiative-Attachments input[value='{paths[pdf]}']").CheckAsync();
            var alts = new Dictionary<string, string>();
            for (var i = 0; i < photos.Length; i++)
            {
                var path = paths[photos[i]];
                alts[path] = $"Trẻ tự xúc cơm, ảnh {i + 1}";
                await page.Locator($"#f-Initiative-Images input[value='{path}']").CheckAsync();
                await page.Locator($"input[name='Initiative.Images.MediaText[{path}]']").FillAsync(alts[path]);
            }

            await page.Locator($"#f-Initiative-Videos input[value='{paths[video]}']").CheckAsync();
            await page.GetByLabel("Tôi xác nhận nhà trường đã có sự đồng ý của cha mẹ trẻ", new() { Exact = false }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/sua");
            var editUrl = new Uri(page.Url).PathAndQuery;
            Assert.Equal(0, await page.Locator("#error-summary").CountAsync());

            // 3. The district curator opens the draft and publishes it.
            var curator = await fixture.NewPageAsync();
            await fixture.SignInAsync(curator, Accounts.DistrictCurator, CmsAppFactory.DemoPassword);
            await curator.GotoAsync(editUrl);
            Assert.True(await curator.Locator("#f-ConsentPart-Confirmed").IsCheckedAsync());
            await curator.GetByRole(AriaRole.Button, new() { Name = "Xuất bản", Exact = true }).ClickAsync();
            await curator.Locator(".flash", new() { HasTextString = "Đã xuất bản" }).WaitForAsync();
            var publicUrl = await curator.GetByRole(AriaRole.Link, new() { Name = "Xem trên trang" }).GetAttributeAsync("href");
            Assert.NotNull(publicUrl);

            // 4. An anonymous visitor sees three thumbnails with their alt texts and the two downloads.
            var visitor = await fixture.NewPageAsync();
            await visitor.GotoAsync(publicUrl!);
            Assert.Equal(title, (await visitor.Locator("h1").InnerTextAsync()).Trim());
            var imageUrls = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (path, alt) in alts)
            {
                var img = visitor.GetByRole(AriaRole.Img, new() { Name = alt, Exact = true });
                await Assertions.Expect(img).ToHaveCountAsync(1);
                var src = await img.GetAttributeAsync("src");
                Assert.StartsWith("/media/_anh/", src);
                imageUrls.Add(src!);
                foreach (var srcset in new[]
                {
                    await img.GetAttributeAsync("srcset"),
                    await img.Locator("xpath=preceding-sibling::source").First.GetAttributeAsync("srcset"),
                })
                {
                    foreach (var candidate in (srcset ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        imageUrls.Add(candidate.Split(' ')[0]);
                    }
                }

                var large = await img.Locator("xpath=ancestor::a[1]").GetAttributeAsync("href");
                Assert.Contains("/media/_anh/lon/", large);
                imageUrls.Add(large!);
                imageUrls.Add("/media/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString)));
            }

            Assert.All(imageUrls, url => Assert.StartsWith("/media/", url));
            Assert.True(imageUrls.Count >= 18, "thumbnail, card (WebP and JPEG), large and original of each photo: " + string.Join(", ", imageUrls));
            // The link text is the stored file name (the download itself carries the original name, checked below).
            var docxLink = visitor.Locator($".downloads a[download][href$='/{Path.GetFileName(paths[docx])}']");
            var pdfLink = visitor.Locator($".downloads a[download][href$='/{Path.GetFileName(paths[pdf])}']");
            await Assertions.Expect(docxLink).ToHaveCountAsync(1);
            await Assertions.Expect(pdfLink).ToHaveCountAsync(1);

            // 5. Every image copy served (thumbnails, cards, the large view, the originals) has no GPS, indeed no EXIF.
            var request = visitor.APIRequest;
            foreach (var url in imageUrls)
            {
                var response = await request.GetAsync(url);
                Assert.True(response.Status == 200, $"{url} returned {response.Status}");
                var bytes = await response.BodyAsync();
                Assert.False(HasGps(bytes), $"{url} carries GPS data");
                using var image = Image.Load(bytes);
                Assert.True(image.Metadata.ExifProfile is null, $"{url} carries an EXIF profile");
            }

            // 6. The DOCX downloads as an attachment under its original name.
            var download = await request.GetAsync((await docxLink.GetAttributeAsync("href"))!);
            Assert.Equal(200, download.Status);
            Assert.True(download.Headers.TryGetValue("content-disposition", out var disposition), "no Content-Disposition");
            var header = ContentDispositionHeaderValue.Parse(disposition!);
            Assert.Equal("attachment", header.DispositionType);
            Assert.Equal(docx, header.FileNameStar ?? header.FileName?.Trim('"'));
            Assert.Equal(contents[docx], await download.BodyAsync());

            await page.Context.CloseAsync();
            await curator.Context.CloseAsync();
            await visitor.Context.CloseAsync();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool HasGps(byte[] bytes)
    {
        using var image = Image.Load(bytes);
        var exif = image.Metadata.ExifProfile;
        return exif is not null && exif.Values.Any(v => v.Tag.ToString().StartsWith("GPS", StringComparison.Ordinal));
    }
}
