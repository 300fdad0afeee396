using ChuyenDe.Modules.Fields;

namespace ChuyenDe.Tests.Unit.Fields;

/// <summary>
/// <see cref="ContentCard.FragmentKey"/> is the key of a card's rendered HTML on the public lists: every value the card
/// holds must change it, or a kept fragment would show an old title, unit, date, picture or badge.
/// </summary>
public sealed class ContentCardTests
{
    private static readonly ImageDerivatives Derivatives = new("/t.webp", "/t.jpg", "/c.webp", "/c.jpg", "/f.jpg", 320, 640);

    private static readonly ContentCard Card = new("item-1", "Initiative", "Sáng kiến", "Đổi mới giờ ăn", "/sang-kien/doi-moi",
        "Tóm tắt", new ImageView("/media/a.jpg", "Ảnh", Derivatives), new DateTime(2026, 1, 2, 3, 4, 5), "Trường MN Bến Thành")
    {
        OrganizationId = "truong-mn-ben-thanh",
        Badges = [new ContentBadge("exemplary", "Sản phẩm điển hình cấp thành phố", "Quyết định 1")],
    };

    [Fact]
    public void Every_value_of_the_card_changes_its_fragment_key()
    {
        ContentCard[] variants =
        [
            Card with { ContentItemId = "item-2" },
            Card with { ContentType = "Article" },
            Card with { TypeDisplayName = "Tin tức" },
            Card with { Title = "Đổi mới giờ ăn cho trẻ" },
            Card with { Url = "/sang-kien/doi-moi-2" },
            Card with { Summary = null },
            Card with { Summary = "Tóm tắt mới" },
            Card with { Image = null },
            Card with { Image = Card.Image! with { Url = "/media/b.jpg" } },
            Card with { Image = Card.Image! with { Alt = "Ảnh khác" } },
            Card with { Image = Card.Image! with { Derivatives = Derivatives with { ThumbnailWebp = "/t2.webp" } } },
            Card with { Image = Card.Image! with { Derivatives = Derivatives with { ThumbnailJpeg = "/t2.jpg" } } },
            Card with { Image = Card.Image! with { Derivatives = Derivatives with { CardWebp = "/c2.webp" } } },
            Card with { Image = Card.Image! with { Derivatives = Derivatives with { CardJpeg = "/c2.jpg" } } },
            Card with { Image = Card.Image! with { Derivatives = Derivatives with { FullJpeg = "/f2.jpg" } } },
            Card with { Image = Card.Image! with { Derivatives = Derivatives with { ThumbnailWidth = 300 } } },
            Card with { Image = Card.Image! with { Derivatives = Derivatives with { CardWidth = 600 } } },
            Card with { PublishedLocal = Card.PublishedLocal!.Value.AddDays(1) },
            Card with { PublishedLocal = null },
            Card with { OrganizationName = "Trường MN Bến Thành mới" },
            Card with { OrganizationName = null },
            Card with { OrganizationId = null },
            Card with { Badges = [] },
            Card with { Badges = [Card.Badges[0] with { Kind = "model-site" }] },
            Card with { Badges = [Card.Badges[0] with { Title = "Sản phẩm điển hình cấp quận" }] },
            Card with { Badges = [Card.Badges[0] with { Text = null }] },
            Card with { Badges = [.. Card.Badges, new ContentBadge("model-site", "Mô hình điểm", null)] },
        ];

        var keys = variants.Select(v => v.FragmentKey()).Append(Card.FragmentKey()).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Card.FragmentKey(), (Card with { }).FragmentKey());
    }

    /// <summary>A new value of a card (or of its picture or badge) must be added to the key and to the test above.</summary>
    [Fact]
    public void The_key_covers_the_values_the_card_has_today()
    {
        static string[] Names(Type type) => type.GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["Badges", "ContentItemId", "ContentType", "Image", "OrganizationId", "OrganizationName", "PublishedLocal", "Summary", "Title", "TypeDisplayName", "Url"], Names(typeof(ContentCard)));
        Assert.Equal(["Alt", "Derivatives", "Url"], Names(typeof(ImageView)));
        Assert.Equal(["CardHeight", "CardJpeg", "CardWebp", "CardWidth", "FullJpeg", "JpegSrcset", "ThumbnailJpeg", "ThumbnailWebp", "ThumbnailWidth", "WebpSrcset"], Names(typeof(ImageDerivatives)));
        Assert.Equal(["Kind", "Text", "Title"], Names(typeof(ContentBadge)));
    }
}
