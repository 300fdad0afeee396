using System.Globalization;
using System.Text;

namespace ChuyenDe.Bench.Search;

/// <summary>One synthetic content item, shaped like the published items of the sample recipe.</summary>
internal sealed class BenchItem
{
    public required string Id { get; init; }
    public required string ContentType { get; init; }
    public required string Title { get; init; }
    public required string Path { get; init; }
    public required string Summary { get; init; }
    public required string Body { get; init; }
    public string? AttachmentText { get; init; }
    public required string Authors { get; init; }
    public required Organization Organization { get; init; }
    public required DateTime PublishedUtc { get; init; }
    public required DateTime ModifiedUtc { get; init; }
    public bool Exemplary { get; init; }

    /// <summary>Facet name (<c>SearchFacets</c>) → taxonomy term ids.</summary>
    public required IReadOnlyDictionary<string, string[]> Terms { get; init; }

    public int WordCount => CountWords(Title) + CountWords(Summary) + CountWords(Body) + CountWords(AttachmentText);

    private static int CountWords(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }
}

internal sealed record Organization(string Id, string Name, string DistrictId, string DistrictName);

/// <summary>
/// Deterministic generator of a synthetic Vietnamese corpus: the same seed gives the same items on every machine and
/// run, and the first N items of a larger corpus are the corpus of size N.
/// </summary>
internal sealed class CorpusGenerator
{
    private static readonly DateTime FirstDate = new(2016, 9, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime LastDate = new(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);

    private readonly Prng _random;
    private readonly Organization[] _schools;
    private readonly Organization[] _offices;
    private readonly Organization[] _departments;
    private readonly StringBuilder _text = new(8 * 1024);
    private readonly string[] _topicObjects = new string[6];
    private readonly string[] _topicVerbs = new string[5];
    private readonly string[] _topicComplements = new string[3];
    private int _next;

    public CorpusGenerator(ulong seed)
    {
        _random = new Prng(seed);
        (_schools, _offices, _departments) = MakeOrganizations(new Prng(seed ^ 0x5EED_0F0A_9AUL));
    }

    public IReadOnlyList<Organization> Schools => _schools;
    public IReadOnlyList<Organization> Offices => _offices;

    public static List<BenchItem> Generate(int count, ulong seed)
    {
        var generator = new CorpusGenerator(seed);
        var items = new List<BenchItem>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(generator.Next());
        }

        return items;
    }

    public BenchItem Next()
    {
        var n = ++_next;
        ChooseTopic();
        var roll = _random.NextDouble();
        var type = roll switch
        {
            < 0.50 => "Initiative",
            < 0.70 => "Article",
            < 0.80 => "ExemplaryProduct",
            < 0.88 => "ModelSite",
            _ => "Event",
        };

        var organization = _random.NextDouble() switch
        {
            < 0.85 => _schools[_random.Skewed(_schools.Length)],
            < 0.97 => _offices[_random.Next(_offices.Length)],
            _ => _departments[_random.Next(_departments.Length)],
        };
        if (type == "ModelSite")
        {
            organization = _schools[_random.Next(_schools.Length)];
        }

        var published = FirstDate.AddMinutes(_random.Next((int)(LastDate - FirstDate).TotalMinutes));
        var modified = published.AddMinutes(_random.Next(30 * 24 * 60));
        var schoolYear = published.Month >= 9 ? published.Year : published.Year - 1;
        var terms = new Dictionary<string, string[]>();
        string title;
        string? attachment = null;
        var exemplary = false;
        switch (type)
        {
            case "Initiative":
                title = InitiativeTitle();
                terms["schoolYear"] = [$"sy-{schoolYear}-{schoolYear + 1}"];
                terms["criteria"] = Pick(Vocabulary.Criteria, 1, 2);
                terms["ageGroup"] = Pick(Vocabulary.AgeGroups, 1, 3);
                terms["area"] = Pick(Vocabulary.DevelopmentAreas, 1, 2);
                terms["resourceKind"] = Pick(Vocabulary.ResourceKinds, 1, 3);
                terms["level"] = Pick(Vocabulary.Levels, 1, 1);
                attachment = _random.NextDouble() < 0.4 ? AttachmentText() : null;
                exemplary = _random.NextDouble() < 0.05;
                break;
            case "ExemplaryProduct":
                title = $"{Capitalize(Object())} {Choose(Vocabulary.TitleTails)} – {organization.Name}";
                terms["schoolYear"] = [$"sy-{schoolYear}-{schoolYear + 1}"];
                terms["criteria"] = Pick(Vocabulary.Criteria, 1, 2);
                terms["ageGroup"] = Pick(Vocabulary.AgeGroups, 1, 2);
                terms["level"] = Pick(Vocabulary.Levels, 1, 1);
                attachment = _random.NextDouble() < 0.5 ? AttachmentText() : null;
                exemplary = true;
                break;
            case "ModelSite":
                var theme = Vocabulary.ModelSiteThemes[_random.Next(Vocabulary.ModelSiteThemes.Length)];
                title = $"{organization.Name} – {theme.Name}";
                terms["theme"] = [theme.Id];
                terms["level"] = Pick(Vocabulary.Levels, 1, 1);
                terms["schoolYear"] = [$"sy-{schoolYear}-{schoolYear + 1}"];
                break;
            case "Article":
                title = $"{organization.DistrictName} {Choose(Vocabulary.NewsVerbs)} {Object()} {Complement()}";
                title = Capitalize(title);
                break;
            default:
                var kind = Vocabulary.EventKinds[_random.Next(Vocabulary.EventKinds.Length)];
                title = $"{kind.Name} {Object()} năm học {schoolYear}–{schoolYear + 1}";
                terms["schoolYear"] = [$"sy-{schoolYear}-{schoolYear + 1}"];
                attachment = _random.NextDouble() < 0.3 ? AttachmentText() : null;
                break;
        }

        var prefix = type switch
        {
            "Initiative" => "sang-kien",
            "ExemplaryProduct" => "san-pham-dien-hinh",
            "ModelSite" => "mo-hinh-diem",
            "Article" => "tin-tuc",
            _ => "su-kien",
        };
        return new BenchItem
        {
            Id = $"{type.ToLowerInvariant()}-{n:D6}",
            ContentType = type,
            Title = title,
            Path = $"{prefix}/{Text.Slug(title)}-{n}",
            Summary = Paragraph(2 + _random.Next(2)),
            Body = Body(200 + _random.Next(300)),
            AttachmentText = attachment,
            Authors = string.Join("; ", Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => PersonName())),
            Organization = organization,
            PublishedUtc = published,
            ModifiedUtc = modified,
            Exemplary = exemplary,
            Terms = terms,
        };
    }

    private string InitiativeTitle()
    {
        var title = $"{Choose(Vocabulary.TitleVerbs)} {Object()}";
        if (_random.NextDouble() < 0.7)
        {
            title += " " + Choose(Vocabulary.TitleTails);
        }

        return title;
    }

    private string Body(int words)
    {
        _text.Clear();
        var count = 0;
        while (count < words)
        {
            var heading = Choose(Vocabulary.Headings);
            _text.Append(heading).Append("\n\n");
            count += WordsIn(heading);
            var sentences = 2 + _random.Next(4);
            for (var i = 0; i < sentences; i++)
            {
                count += AppendSentence();
                _text.Append(' ');
            }

            _text.Length--;
            _text.Append("\n\n");
        }

        return _text.ToString().TrimEnd();
    }

    private string Paragraph(int sentences)
    {
        _text.Clear();
        for (var i = 0; i < sentences; i++)
        {
            AppendSentence();
            _text.Append(' ');
        }

        return _text.ToString().TrimEnd();
    }

    private string AttachmentText()
    {
        var saved = _text.ToString();
        _text.Clear();
        var words = 150 + _random.Next(250);
        var count = 0;
        while (count < words)
        {
            var heading = Vocabulary.AttachmentHeadings[_random.Next(Vocabulary.AttachmentHeadings.Length)];
            _text.Append(heading).Append('\n');
            count += WordsIn(heading);
            count += AppendSentence();
            _text.Append('\n');
        }

        var result = _text.ToString().TrimEnd();
        _text.Clear().Append(saved);
        return result;
    }

    /// <summary>Appends one sentence and returns how many words it has.</summary>
    private int AppendSentence()
    {
        var start = _text.Length;
        switch (_random.Next(10))
        {
            case 0 or 1 or 2:
                _text.Append(Choose(Vocabulary.Openers)).Append(' ').Append(Choose(Vocabulary.Subjects)).Append(' ')
                    .Append(Verb()).Append(' ').Append(Object()).Append(' ')
                    .Append(Complement());
                break;
            case 3 or 4:
                _text.Append(Choose(Vocabulary.Subjects)).Append(' ').Append(Verb()).Append(' ')
                    .Append(Object()).Append(" và ").Append(Object()).Append(' ')
                    .Append(Complement());
                break;
            case 5:
                var from = 40 + _random.Next(40);
                _text.Append("tỉ lệ trẻ ").Append(Choose(Vocabulary.Outcomes)).Append(" tăng từ ")
                    .Append(from.ToString(CultureInfo.InvariantCulture)).Append("% lên ")
                    .Append((from + 5 + _random.Next(100 - from - 5)).ToString(CultureInfo.InvariantCulture)).Append('%');
                break;
            case 6:
                _text.Append(Choose(Vocabulary.Subjects)).Append(" cùng ").Append(Choose(Vocabulary.Subjects)).Append(' ')
                    .Append(Verb()).Append(' ').Append(Object()).Append(", ")
                    .Append(Verb()).Append(' ').Append(Object()).Append(' ')
                    .Append(Complement());
                break;
            case 7:
                _text.Append("cô ").Append(PersonName()).Append(" chia sẻ: “Khi ").Append(Choose(Vocabulary.Subjects))
                    .Append(' ').Append(Verb()).Append(' ').Append(Object())
                    .Append(", ").Append(Choose(Vocabulary.Subjects)).Append(" thấy ").Append(Choose(Vocabulary.Cheer)).Append('”');
                break;
            case 8 when _random.NextDouble() < 0.3:
                _text.Append("trẻ dùng ").Append(Vocabulary.RareWords[_random.Next(Vocabulary.RareWords.Length)])
                    .Append(" để ").Append(Verb()).Append(' ').Append(Object());
                break;
            default:
                _text.Append(Choose(Vocabulary.Subjects)).Append(' ').Append(Verb()).Append(' ')
                    .Append(Object()).Append(' ').Append(Complement());
                break;
        }

        _text[start] = char.ToUpper(_text[start], CultureInfo.InvariantCulture);
        _text.Append('.');
        var words = 1;
        for (var i = start; i < _text.Length; i++)
        {
            if (_text[i] == ' ')
            {
                words++;
            }
        }

        return words;
    }

    private string PersonName() =>
        $"{Vocabulary.FamilyNames[_random.Skewed(Vocabulary.FamilyNames.Length)]} {Vocabulary.MiddleNames[_random.Next(Vocabulary.MiddleNames.Length)]} {Vocabulary.GivenNames[_random.Next(Vocabulary.GivenNames.Length)]}";

    private string Choose(string[] list) => list[_random.Skewed(list.Length)];

    /// <summary>
    /// Real documents are about something: each item has a topic (a few objects, verbs and complements, popular ones
    /// more often) that most of its sentences use, the rest come from the whole vocabulary. Without this every phrase
    /// would occur in almost every item, which no real corpus does.
    /// </summary>
    private void ChooseTopic()
    {
        Fill(_topicObjects, Vocabulary.Objects);
        Fill(_topicVerbs, Vocabulary.Verbs);
        Fill(_topicComplements, Vocabulary.Complements);

        void Fill(string[] topic, string[] list)
        {
            for (var i = 0; i < topic.Length; i++)
            {
                topic[i] = list[(int)(Math.Pow(_random.NextDouble(), 1.5) * list.Length)];
            }
        }
    }

    private string Object() => FromTopic(_topicObjects, Vocabulary.Objects);

    private string Verb() => FromTopic(_topicVerbs, Vocabulary.Verbs);

    private string Complement() => FromTopic(_topicComplements, Vocabulary.Complements);

    private string FromTopic(string[] topic, string[] list) =>
        _random.NextDouble() < 0.7 ? topic[_random.Next(topic.Length)] : list[_random.Next(list.Length)];

    private string[] Pick(string[] list, int min, int max)
    {
        var count = min + _random.Next(max - min + 1);
        var chosen = new List<string>(count);
        while (chosen.Count < count)
        {
            var value = list[_random.Next(list.Length)];
            if (!chosen.Contains(value))
            {
                chosen.Add(value);
            }
        }

        return [.. chosen];
    }

    private static int WordsIn(string text) => text.Count(c => c == ' ') + 1;

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    private static (Organization[] Schools, Organization[] Offices, Organization[] Departments) MakeOrganizations(Prng random)
    {
        var departments = new[]
        {
            new Organization("so-hcm", "Sở Giáo dục và Đào tạo TP. Hồ Chí Minh", "so-hcm", "TP. Hồ Chí Minh"),
            new Organization("so-hai-phong", "Sở Giáo dục và Đào tạo TP. Hải Phòng", "so-hai-phong", "TP. Hải Phòng"),
            new Organization("so-hoa-binh", "Sở Giáo dục và Đào tạo tỉnh Hòa Bình", "so-hoa-binh", "tỉnh Hòa Bình"),
            new Organization("so-quang-ninh", "Sở Giáo dục và Đào tạo tỉnh Quảng Ninh", "so-quang-ninh", "tỉnh Quảng Ninh"),
        };
        var offices = new List<Organization>();
        var schools = new List<Organization>();
        foreach (var (slug, name) in Vocabulary.Districts)
        {
            var office = new Organization($"phong-{slug}", $"Phòng Giáo dục và Đào tạo {name}", $"phong-{slug}", Capitalize(name));
            offices.Add(office);
            var used = new HashSet<string>();
            var count = 8 + random.Next(10);
            while (used.Count < count)
            {
                var school = Vocabulary.SchoolNames[random.Next(Vocabulary.SchoolNames.Length)];
                if (used.Add(school))
                {
                    schools.Add(new Organization($"truong-mn-{Text.Slug(school)}-{slug}", $"Trường Mầm non {school}", office.Id, office.DistrictName));
                }
            }
        }

        return ([.. schools], [.. offices], departments);
    }
}

/// <summary>SplitMix64: small, fast and the same on every platform and .NET version.</summary>
internal sealed class Prng(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public int Next(int exclusiveMax) => (int)(NextDouble() * exclusiveMax);

    /// <summary>An index below <paramref name="exclusiveMax"/> where small indexes are much more likely (p ∝ 1/√i).</summary>
    public int Skewed(int exclusiveMax)
    {
        var u = NextDouble();
        return (int)(u * u * exclusiveMax);
    }
}
